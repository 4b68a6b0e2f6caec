import type { CodegenConfig } from '@graphql-codegen/cli';

// The server commits ../schema.graphql (a server test keeps it in sync with the code).
const schema = '../schema.graphql';

const config: CodegenConfig = {
  schema,
  documents: ['src/graphql/**/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    'src/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false, gqlTagName: 'graphql' },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        avoidOptionals: { field: true, inputValue: false, object: true, defaultValue: false },
        scalars: { DateTime: 'string', Date: 'string', Decimal: 'string', JSON: 'unknown' },
        documentMode: 'documentNode',
      },
    },
  },
};

export default config;
