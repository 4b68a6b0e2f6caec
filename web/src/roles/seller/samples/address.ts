/** A shipping address as the lines of a label, in the order couriers read them. */
export interface AddressLike {
  recipientName: string;
  phone?: string | null;
  line1: string;
  line2?: string | null;
  city: string;
  region?: string | null;
  postalCode: string;
  country: string;
}

export function addressLines(address: AddressLike, countryName: (code: string) => string = (code) => code): string[] {
  const locality = [address.city, address.region].filter(Boolean).join(', ');
  return [
    address.recipientName,
    address.line1,
    address.line2 ?? '',
    [locality, address.postalCode].filter(Boolean).join(' '),
    countryName(address.country),
    address.phone ?? '',
  ].filter((line) => line.trim() !== '');
}

export function addressText(address: AddressLike, countryName?: (code: string) => string): string {
  return addressLines(address, countryName).join('\n');
}
