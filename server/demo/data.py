"""The demo world's content: tenants, people, catalogue templates and price rules.

Plain data only. `world.py` turns it into rows through the services; a seeded `random.Random` picks from it,
so the same data always gives the same world. Prices are integers end to end (USD cents in the templates,
integer exchange rates, integer rounding): no floats.
"""

from __future__ import annotations

from dataclasses import dataclass

from server.models.enums import Currency, Market, SellerType

DEMO_PASSWORD = "demo1234"
DEMO_EMAIL_DOMAIN = "demo.test"

PLATFORM_NAME = "Matchup Operations"
OPERATOR = ("operator@demo.test", "Morgan Lee")
PLATFORM_KEY_NAME = "Demo platform key"
SHOP_KEY_NAME = "Demo shop key"


# ---------------------------------------------------------------------------------------------- tenants


@dataclass(frozen=True, slots=True)
class AgencySeed:
    name: str
    markets: tuple[Market, ...]
    contact_email: str
    website: str
    user_email: str
    user_name: str


AGENCIES: tuple[AgencySeed, ...] = (
    AgencySeed(
        "Northstar Partners",
        (Market.TH, Market.VN, Market.PH, Market.MY, Market.ID),
        "partners@northstar-partners.example",
        "https://northstar-partners.example",
        "agency@demo.test",
        "Kanya Rattanakorn",
    ),
    AgencySeed(
        "Lumen Collective",
        (Market.GB, Market.US, Market.MY, Market.TH),
        "hello@lumen-collective.example",
        "https://lumen-collective.example",
        "agency2@demo.test",
        "Olivia Hart",
    ),
)


@dataclass(frozen=True, slots=True)
class ShopSeed:
    name: str
    shop_code: str
    market: Market
    seller_type: SellerType
    rating: int  # tenths of a star
    contact_email: str
    ships_from: str
    categories: tuple[str, ...]
    brands: tuple[str, ...]
    product_count: int
    user_email: str
    user_name: str


# Shop 1 and shop 2 are both Thai, so the two demo sellers meet in the same campaigns (and must never see
# each other's registrations).
SHOPS: tuple[ShopSeed, ...] = (
    ShopSeed(
        name="Siam Glow Beauty",
        shop_code="THCBELNL4Y",
        market=Market.TH,
        seller_type=SellerType.LOCAL,
        rating=48,
        contact_email="orders@siamglow.example",
        ships_from="Bangkok",
        categories=("Beauty & Personal Care", "Health"),
        brands=("Siam Glow", "Lumiere Lab"),
        product_count=28,
        user_email="seller@demo.test",
        user_name="Nattaya Srisuk",
    ),
    ShopSeed(
        name="Bangkok Street Wear",
        shop_code="THBKKSTW9R",
        market=Market.TH,
        seller_type=SellerType.LOCAL,
        rating=46,
        contact_email="hello@bkkstreetwear.example",
        ships_from="Bangkok",
        categories=("Womenswear", "Menswear", "Fashion Accessories"),
        brands=("BKK Street", "Soi Seven"),
        product_count=22,
        user_email="seller2@demo.test",
        user_name="Thanawat Chaiyaporn",
    ),
    ShopSeed(
        name="Shenzhen Gadget Hub TH",
        shop_code="THSZGADG42",
        market=Market.TH,
        seller_type=SellerType.CROSS_BORDER,
        rating=45,
        contact_email="support@szgadgethub.example",
        ships_from="Shenzhen",
        categories=("Phones & Electronics",),
        brands=("VoltEdge", "Nexo", "Kira"),
        product_count=20,
        user_email="seller3@demo.test",
        user_name="Chen Wei",
    ),
    ShopSeed(
        name="Nhà Xinh Home",
        shop_code="VNNHAXINH7",
        market=Market.VN,
        seller_type=SellerType.LOCAL,
        rating=47,
        contact_email="cskh@nhaxinhhome.example",
        ships_from="Ho Chi Minh City",
        categories=("Home & Living", "Baby & Maternity"),
        brands=("Nhà Xinh", "Mộc Home"),
        product_count=20,
        user_email="seller4@demo.test",
        user_name="Nguyễn Thu Trang",
    ),
    ShopSeed(
        name="Hà Nội Active",
        shop_code="VNHNACTV25",
        market=Market.VN,
        seller_type=SellerType.LOCAL,
        rating=44,
        contact_email="shop@hanoiactive.example",
        ships_from="Hanoi",
        categories=("Sports & Outdoor", "Menswear"),
        brands=("HN Active", "Sông Hồng Sport"),
        product_count=18,
        user_email="seller5@demo.test",
        user_name="Trần Minh Đức",
    ),
    ShopSeed(
        name="KL Pet Co.",
        shop_code="MYKLPET8Q3",
        market=Market.MY,
        seller_type=SellerType.LOCAL,
        rating=49,
        contact_email="woof@klpetco.example",
        ships_from="Kuala Lumpur",
        categories=("Pet Supplies", "Home & Living"),
        brands=("KL Pet Co.", "Pawsome"),
        product_count=18,
        user_email="seller6@demo.test",
        user_name="Nur Aisyah Rahman",
    ),
    ShopSeed(
        name="Manila Mama & Baby",
        shop_code="PHMNLMAMA6",
        market=Market.PH,
        seller_type=SellerType.LOCAL,
        rating=47,
        contact_email="care@manilamama.example",
        ships_from="Quezon City",
        categories=("Baby & Maternity", "Health"),
        brands=("Mama Mia PH", "Little Bayani"),
        product_count=18,
        user_email="seller7@demo.test",
        user_name="Maria Santos",
    ),
    ShopSeed(
        name="Toko Sehat Nusantara",
        shop_code="IDSEHATN51",
        market=Market.ID,
        seller_type=SellerType.LOCAL,
        rating=46,
        contact_email="halo@tokosehat.example",
        ships_from="Jakarta",
        categories=("Health", "Food & Beverages"),
        brands=("Sehat Nusantara", "Rempah Asli"),
        product_count=18,
        user_email="seller8@demo.test",
        user_name="Dewi Lestari",
    ),
    ShopSeed(
        name="Thames Wellness",
        shop_code="GBTHAMES3W",
        market=Market.GB,
        seller_type=SellerType.LOCAL,
        rating=48,
        contact_email="team@thameswellness.example",
        ships_from="London",
        categories=("Health", "Beauty & Personal Care"),
        brands=("Thames Wellness", "Kew Botanics"),
        product_count=18,
        user_email="seller9@demo.test",
        user_name="Harriet Collins",
    ),
    ShopSeed(
        name="Pacific Outfitters",
        shop_code="USPACOUT77",
        market=Market.US,
        seller_type=SellerType.LOCAL,
        rating=45,
        contact_email="support@pacificoutfitters.example",
        ships_from="Portland, OR",
        categories=("Sports & Outdoor", "Phones & Electronics"),
        brands=("Pacific Trail", "Ridgeline"),
        product_count=20,
        user_email="seller10@demo.test",
        user_name="Jordan Reyes",
    ),
)


@dataclass(frozen=True, slots=True)
class CreatorSeed:
    handle: str
    display_name: str
    market: Market
    categories: tuple[str, ...]
    bio: str
    user_email: str
    user_name: str


def _creator_email(n: int) -> str:
    return "creator@demo.test" if n == 1 else f"creator{n}@demo.test"


# fmt: off
_CREATORS: tuple[tuple[str, str, Market, tuple[str, ...], str, str], ...] = (
    # handle, display name, market, categories, bio, owner's name. The first is creator@demo.test (Thai).
    ("ploy.beautydiary", "Ploy | Beauty Diary", Market.TH, ("Beauty & Personal Care", "Health"),
     "Honest skincare for humid weather. Bangkok-based, oily-skin certified.", "Ploy Chanida"),
    ("nongmay.cooks", "Nong May Cooks", Market.TH, ("Food & Beverages", "Home & Living"),
     "Thai home cooking in 60 seconds. Pantry hauls every Friday.", "May Siriporn"),
    ("bkk.fitlife", "Tee Fit BKK", Market.TH, ("Sports & Outdoor", "Health"),
     "Personal trainer. Budget gym gear that actually lasts.", "Teerapat Boonmee"),
    ("minnie.ootd", "Minnie OOTD", Market.TH, ("Womenswear", "Fashion Accessories"),
     "Daily outfits under 500 baht. Try-on hauls and styling tips.", "Minnie Kanokwan"),
    ("gadget.guru.th", "Gadget Guru TH", Market.TH, ("Phones & Electronics",),
     "Unboxings and no-nonsense reviews of phones and accessories.", "Krit Thongchai"),
    ("meow.house.th", "Meow House", Market.TH, ("Pet Supplies", "Home & Living"),
     "Five rescue cats, one small condo. Cat-approved finds only.", "Pim Areerat"),
    ("linh.skincare", "Linh Skincare", Market.VN, ("Beauty & Personal Care",),
     "Dược sĩ chia sẻ skincare tối giản. Pharmacist-led routines.", "Lê Thùy Linh"),
    ("anvat.saigon", "Ăn Vặt Sài Gòn", Market.VN, ("Food & Beverages",),
     "Snacks, street food and everything crunchy in Saigon.", "Phạm Quốc Bảo"),
    ("me.bim.hanoi", "Mẹ Bỉm Hà Nội", Market.VN, ("Baby & Maternity", "Health"),
     "Mum of two sharing what really works for babies and busy parents.", "Đỗ Thu Hà"),
    ("duc.runs", "Đức Runs", Market.VN, ("Sports & Outdoor", "Menswear"),
     "Marathoner. Running gear tests along the Red River.", "Vũ Anh Đức"),
    ("nha.xinh.decor", "Nhà Xinh Decor", Market.VN, ("Home & Living",),
     "Small apartments, big ideas. Decor and storage makeovers.", "Hoàng Mai Anh"),
    ("mommy.bea", "Mommy Bea", Market.PH, ("Baby & Maternity",),
     "First-time mom in QC. Baby essentials, tried and tested.", "Bea Villanueva"),
    ("kuya.techph", "Kuya Tech PH", Market.PH, ("Phones & Electronics",),
     "Sulit gadgets for students and WFH. Reviews in Taglish.", "Paolo Mendoza"),
    ("glowwithjoanna", "Glow with Joanna", Market.PH, ("Beauty & Personal Care", "Womenswear"),
     "Morena beauty, affordable glow. Makeup and skincare for tropical skin.", "Joanna Cruz"),
    ("pinoyeats.daily", "Pinoy Eats Daily", Market.PH, ("Food & Beverages",),
     "Merienda ideas, pantry staples and food hauls.", "Carlo Reyes"),
    ("aisyah.modest", "Aisyah Modest Style", Market.MY, ("Womenswear", "Fashion Accessories"),
     "Modest fashion, everyday elegance. KL.", "Aisyah Zainal"),
    ("kl.petparents", "KL Pet Parents", Market.MY, ("Pet Supplies",),
     "Two corgis and a lot of opinions about dog food.", "Jason Lim"),
    ("farid.fitness", "Farid Fitness", Market.MY, ("Sports & Outdoor", "Health"),
     "Home workouts and supplements without the hype.", "Farid Hakim"),
    ("makan.with.mei", "Makan with Mei", Market.MY, ("Food & Beverages",),
     "Penang girl in KL. Snacks, sauces and supper spots.", "Tan Mei Ling"),
    ("rina.cantik", "Rina Cantik", Market.ID, ("Beauty & Personal Care",),
     "Review skincare lokal dan Korea. Kulit sawo matang friendly.", "Rina Anggraini"),
    ("dapur.bunda", "Dapur Bunda", Market.ID, ("Food & Beverages", "Baby & Maternity"),
     "Resep MPASI dan masakan rumahan untuk keluarga.", "Siti Rahmawati"),
    ("gaya.pria.id", "Gaya Pria", Market.ID, ("Menswear",),
     "Men's style on a budget. Outfit ideas for office and weekend.", "Bima Prasetyo"),
    ("sehat.bareng.dimas", "Sehat Bareng Dimas", Market.ID, ("Health", "Sports & Outdoor"),
     "Coach kebugaran. Healthy habits you can keep.", "Dimas Saputra"),
    ("thriftyhomeuk", "Thrifty Home UK", Market.GB, ("Home & Living",),
     "Renter-friendly home upgrades for under a tenner.", "Chloe Bennett"),
    ("sophie.skin.edit", "Sophie's Skin Edit", Market.GB, ("Beauty & Personal Care", "Health"),
     "Facialist in Manchester. Ingredients explained, no gatekeeping.", "Sophie Turner"),
    ("tom.runs.london", "Tom Runs London", Market.GB, ("Sports & Outdoor",),
     "Parkrun regular, kit nerd, occasional ultra.", "Tom Ashworth"),
    ("dogsofbrixton", "Dogs of Brixton", Market.GB, ("Pet Supplies",),
     "Meeting the good dogs of south London, one treat at a time.", "Amara Okafor"),
    ("techwithmarcus", "Tech with Marcus", Market.US, ("Phones & Electronics",),
     "Gadget reviews, desk setups and deals worth your money.", "Marcus Johnson"),
    ("mandy.mealpreps", "Mandy Meal Preps", Market.US, ("Food & Beverages", "Health"),
     "High-protein meal prep for busy weeks.", "Amanda Garcia"),
    ("trailmix.jen", "Jen on the Trail", Market.US, ("Sports & Outdoor",),
     "PNW hiker. Lightweight gear and trail snacks.", "Jennifer Park"),
    ("closetconfidential", "Closet Confidential", Market.US, ("Womenswear", "Fashion Accessories"),
     "Capsule wardrobes and honest try-ons, sizes 2-20.", "Brianna Wells"),
    ("newdadnate", "New Dad Nate", Market.US, ("Baby & Maternity", "Home & Living"),
     "Learning dad life in real time. Gear that survives toddlers.", "Nathan Brooks"),
)
# fmt: on

CREATORS: tuple[CreatorSeed, ...] = tuple(
    CreatorSeed(handle, display, market, categories, bio, _creator_email(n), owner)
    for n, (handle, display, market, categories, bio, owner) in enumerate(_CREATORS, start=1)
)

# Follower counts are spread on a log scale from 2k to 2M: a bucket is chosen uniformly, then a value in it.
FOLLOWER_BUCKETS: tuple[tuple[int, int], ...] = (
    (2_000, 5_000),
    (5_000, 10_000),
    (10_000, 20_000),
    (20_000, 50_000),
    (50_000, 100_000),
    (100_000, 200_000),
    (200_000, 500_000),
    (500_000, 1_000_000),
    (1_000_000, 2_000_000),
)


# ---------------------------------------------------------------------------------------------- prices

# Local currency per US dollar as an integer fraction (major units): THB 35, MYR 4.6, GBP 0.79, ...
USD_RATE: dict[Currency, tuple[int, int]] = {
    Currency.USD: (1, 1),
    Currency.GBP: (79, 100),
    Currency.MYR: (46, 10),
    Currency.THB: (35, 1),
    Currency.PHP: (57, 1),
    Currency.VND: (25_000, 1),
    Currency.IDR: (16_000, 1),
}

# How shelf prices look in each currency, in minor units: round to `step`, then take `minus` off, so
# USD 24.99 (2499), GBP 12.99, MYR 45.90, THB 299.00 (29900), PHP 499.00, VND 159000, IDR 89.000,00.
PRICE_STYLE: dict[Currency, tuple[int, int]] = {
    Currency.USD: (100, 1),
    Currency.GBP: (100, 1),
    Currency.MYR: (100, 10),
    Currency.THB: (1_000, 100),
    Currency.PHP: (1_000, 100),
    Currency.VND: (10_000, 1_000),
    Currency.IDR: (1_000_000, 100_000),
}


# ---------------------------------------------------------------------------------------------- variants

# Option lists: (label, price in percent of the base price).
Options = tuple[tuple[str, int], ...]


def _same(*labels: str) -> Options:
    return tuple((label, 100) for label in labels)


VARIANTS: dict[str, Options] = {
    "single": (("Standard", 100),),
    "volume": (("30ml", 100), ("50ml", 150), ("100ml", 260)),
    "bottle": (("250ml", 100), ("500ml", 170)),
    "lip_shade": _same("01 Rosewood", "02 Brick Red", "03 Nude Peach", "04 Berry", "05 Coral"),
    "face_shade": _same("N10 Porcelain", "N20 Ivory", "N23 Natural Beige", "N25 Sand", "N30 Honey"),
    "brow_shade": _same("Dark Brown", "Grey Brown", "Black"),
    "apparel": _same("S", "M", "L", "XL", "XXL"),
    "colour": _same("Black", "White", "Sage Green", "Navy", "Beige", "Lavender", "Charcoal"),
    "bed": (("Single", 100), ("Double", 130), ("Queen", 150), ("King", 175)),
    "pack": (("Pack of 1", 100), ("Pack of 3", 270), ("Pack of 6", 500)),
    "weight": (("500g", 100), ("1kg", 180), ("2kg", 330)),
    "capsules": (("60 capsules", 100), ("120 capsules", 180)),
    "flavour": _same("Original", "Matcha", "Chocolate", "Salted Caramel", "Mango"),
    "scent": _same("Lavender", "Jasmine", "Sandalwood", "Fresh Linen", "Lemongrass"),
    "cable": (("1m", 100), ("2m", 125)),
    "phone": _same("iPhone 15", "iPhone 15 Pro", "Galaxy S24", "Pixel 8"),
    "pet_size": (("S", 100), ("M", 130), ("L", 170)),
    "baby_size": _same("0-3 months", "3-6 months", "6-12 months", "12-18 months"),
    "pan": (("20cm", 100), ("26cm", 130), ("30cm", 160)),
    "weights": (("2 x 2kg", 100), ("2 x 5kg", 210), ("2 x 10kg", 380)),
}

# Apparel SKUs are "<colour> / <size>": one colour, one to four sizes.
APPAREL_COLOURS = ("Black", "White", "Sage Green", "Navy", "Oat", "Dusty Pink", "Olive")


# ---------------------------------------------------------------------------------------------- catalogue


@dataclass(frozen=True, slots=True)
class ItemSeed:
    name: str
    usd_cents: tuple[int, int]  # the base price is drawn from this range
    variants: str  # a key of VARIANTS
    pitch: str


def _items(*rows: tuple[str, int, int, str, str]) -> tuple[ItemSeed, ...]:
    return tuple(ItemSeed(name, (low, high), variants, pitch) for name, low, high, variants, pitch in rows)


# fmt: off
ITEMS: dict[str, tuple[ItemSeed, ...]] = {
    "Beauty & Personal Care": _items(
        ("Hyaluronic Acid Hydrating Serum", 900, 2400, "volume", "Five weights of hyaluronic acid plump and hydrate without stickiness"),
        ("Vitamin C Brightening Essence", 1000, 2600, "volume", "Stable vitamin C derivative fades dark spots in four weeks"),
        ("Niacinamide 10% + Zinc Serum", 700, 1800, "volume", "Controls oil and refines pores, suitable for sensitive skin"),
        ("Matte Lip Cream", 500, 1400, "lip_shade", "Weightless matte finish that lasts up to eight hours"),
        ("Tinted Lip Oil", 600, 1500, "lip_shade", "Glossy, non-sticky colour with jojoba and rosehip oils"),
        ("Cushion Foundation SPF50+ PA++++", 1200, 3000, "face_shade", "Buildable coverage with a natural satin finish"),
        ("Ceramide Barrier Moisturiser", 900, 2200, "volume", "Three essential ceramides repair the skin barrier overnight"),
        ("Gentle Amino Acid Cleanser", 600, 1500, "volume", "Low-pH foam that cleans without stripping"),
        ("Invisible Sunscreen Gel SPF50+", 800, 2000, "volume", "No white cast, works under make-up"),
        ("Rice Water Toner", 700, 1700, "bottle", "Fermented rice water softens and evens the skin tone"),
        ("Snail Mucin Repair Essence", 1000, 2400, "volume", "96% snail secretion filtrate soothes and repairs"),
        ("Waterproof Brow Pencil", 400, 1100, "brow_shade", "Ultra-fine tip draws hair-like strokes"),
        ("Argan Oil Repair Hair Mask", 800, 1900, "bottle", "Deep conditioning for dry and coloured hair"),
        ("Keratin Smooth Shampoo", 700, 1600, "bottle", "Sulphate-free formula tames frizz in humid weather"),
        ("Shea Butter Body Lotion", 600, 1500, "bottle", "48-hour moisture with a light, fast-absorbing texture"),
        ("Setting Spray Long Wear", 700, 1600, "volume", "Locks make-up in place for up to 16 hours"),
    ),
    "Womenswear": _items(
        ("Ribbed Knit Crop Top", 900, 2200, "apparel", "Soft stretch rib that keeps its shape wash after wash"),
        ("High-Waist Wide-Leg Trousers", 1800, 4200, "apparel", "Flowy drape with a flattering high rise"),
        ("Linen Blend Midi Dress", 2500, 5500, "apparel", "Breathable linen blend for hot days"),
        ("Oversized Cotton Shirt", 1600, 3800, "apparel", "Relaxed fit in crisp 100% cotton poplin"),
        ("Pleated Tennis Skirt", 1200, 2800, "apparel", "Built-in shorts and an all-round pleat"),
        ("Floral Wrap Dress", 2200, 4800, "apparel", "Adjustable wrap tie and a flutter sleeve"),
        ("Satin Slip Skirt", 1500, 3500, "apparel", "Bias-cut satin that skims, never clings"),
        ("Mom Fit Denim Jeans", 2400, 5200, "apparel", "Rigid cotton denim with a tapered leg"),
        ("Pearl Button Cardigan", 1800, 3900, "apparel", "Cropped knit with faux-pearl buttons"),
        ("Puff-Sleeve Blouse", 1400, 3200, "apparel", "Square neck and gathered puff sleeves"),
        ("Cotton Pyjama Set", 1900, 4000, "apparel", "Two-piece set in breathable cotton"),
        ("Seamless Sports Bra", 1100, 2600, "apparel", "Medium support with removable pads"),
    ),
    "Menswear": _items(
        ("Heavyweight Cotton T-Shirt", 1100, 2600, "apparel", "240 gsm cotton jersey with a boxy fit"),
        ("Slim-Fit Chino Trousers", 2200, 4800, "apparel", "Stretch twill that moves with you"),
        ("Oxford Button-Down Shirt", 2000, 4500, "apparel", "Classic oxford cloth, pre-washed for softness"),
        ("Relaxed Cargo Shorts", 1500, 3500, "apparel", "Six pockets and an elastic back waist"),
        ("Quick-Dry Polo Shirt", 1400, 3200, "apparel", "Moisture-wicking pique for warm days"),
        ("Zip-Up Fleece Hoodie", 2500, 5200, "apparel", "Brushed fleece lining and a sturdy metal zip"),
        ("Linen Blend Camp Shirt", 1900, 4200, "apparel", "Open collar, relaxed summer fit"),
        ("Washed Denim Jacket", 3500, 7000, "apparel", "Vintage wash with a trucker cut"),
        ("Tapered Jogger Sweatpants", 1800, 3800, "apparel", "Loopback cotton with zip pockets"),
        ("Boxer Briefs 3-Pack", 1200, 2600, "apparel", "Modal blend, no-ride-up leg"),
    ),
    "Fashion Accessories": _items(
        ("Canvas Tote Bag", 900, 2400, "colour", "Heavy canvas with an inner zip pocket"),
        ("Cotton Bucket Hat", 700, 1800, "colour", "Packable and reversible"),
        ("Minimalist Mesh Strap Watch", 2500, 6000, "colour", "Slim 36mm case with a stainless mesh strap"),
        ("Polarised Square Sunglasses", 1200, 3000, "colour", "UV400 protection with polarised lenses"),
        ("Claw Hair Clip Set", 500, 1200, "pack", "Strong-hold matte claws for thick hair"),
        ("Reversible Leather Belt", 1500, 3500, "colour", "Genuine leather, black on one side and brown on the other"),
        ("Gold-Plated Hoop Earrings", 800, 2200, "single", "Hypoallergenic, tarnish-resistant 18k plating"),
        ("Crossbody Phone Bag", 1200, 2800, "colour", "Fits every large phone with a card slot at the back"),
    ),
    "Home & Living": _items(
        ("Bamboo Bed Sheet Set", 3000, 7500, "bed", "Silky, cooling bamboo lyocell"),
        ("Memory Foam Contour Pillow", 2000, 4500, "single", "Ergonomic support for back and side sleepers"),
        ("Stoneware Coffee Mug Set", 1800, 3800, "colour", "Four hand-glazed mugs, dishwasher safe"),
        ("Scented Soy Candle", 1200, 2800, "scent", "45-hour burn with a cotton wick"),
        ("Foldable Fabric Storage Box", 800, 1800, "colour", "Collapsible cube with reinforced handles"),
        ("Microfibre Quick-Dry Bath Towel", 900, 2200, "colour", "Dries twice as fast as cotton"),
        ("Pre-Seasoned Cast Iron Skillet", 2200, 4800, "pan", "Oven-safe and induction ready"),
        ("Glass Food Storage Containers", 1800, 3900, "pack", "Leak-proof locking lids, microwave safe"),
        ("Blackout Thermal Curtains", 2000, 4500, "colour", "Blocks 99% of light and keeps rooms cool"),
        ("Stainless Steel Water Bottle 1L", 1200, 2800, "colour", "Keeps drinks cold for 24 hours"),
        ("Velvet Non-Slip Hangers 20-Pack", 1400, 2800, "colour", "Space-saving slim profile"),
        ("Dimmable LED Desk Lamp", 1800, 4200, "colour", "Five colour temperatures and a USB charging port"),
        ("Rattan Reed Diffuser", 1300, 3000, "scent", "Three months of gentle fragrance"),
    ),
    "Phones & Electronics": _items(
        ("Wireless Earbuds with ANC", 2500, 7000, "colour", "Active noise cancelling and 30 hours with the case"),
        ("20W USB-C Fast Charger", 900, 2200, "colour", "PD fast charging for phones and tablets"),
        ("Magnetic Power Bank 10000mAh", 2000, 4500, "colour", "Snaps on and charges wirelessly"),
        ("Braided USB-C to USB-C Cable", 600, 1500, "cable", "60W charging, tested for 20,000 bends"),
        ("Shockproof Clear Phone Case", 700, 1800, "phone", "Military-grade drop protection that never yellows"),
        ("Tempered Glass Screen Protector 2-Pack", 600, 1500, "phone", "9H hardness with an easy-install frame"),
        ("Portable Bluetooth Speaker", 2500, 6000, "colour", "IPX7 waterproof with 12 hours of playtime"),
        ("Smart Watch with Heart Rate Monitor", 3500, 9000, "colour", "SpO2, sleep tracking and 10-day battery"),
        ("10-inch Ring Light with Tripod", 1800, 4200, "single", "Three light modes and a phone holder"),
        ("Selfie Stick Tripod with Remote", 1200, 3000, "colour", "Extends to 1.6m, Bluetooth remote included"),
        ("Wireless Mechanical Keyboard", 4000, 9500, "colour", "Hot-swappable switches and tri-mode connection"),
        ("Magnetic Car Phone Mount", 900, 2200, "single", "Strong N52 magnets, one-hand mounting"),
        ("Lavalier Wireless Microphone", 1800, 4500, "single", "Clip-on mic with noise reduction for creators"),
    ),
    "Food & Beverages": _items(
        ("Cold Brew Coffee Concentrate", 900, 2000, "flavour", "Smooth, low-acid coffee - just add milk or water"),
        ("Ceremonial Matcha Powder", 1500, 3500, "weight", "Stone-ground first-harvest matcha"),
        ("Dried Mango Slices", 500, 1200, "pack", "No added sugar, sun-dried and chewy"),
        ("Crunchy Chilli Crisp Oil", 600, 1400, "pack", "Fried garlic and shallots in fragrant chilli oil"),
        ("Instant Tom Yum Noodles", 400, 1000, "pack", "Hot and sour broth ready in three minutes"),
        ("Roasted Salted Cashews", 800, 1900, "weight", "Premium whole cashews, roasted in small batches"),
        ("Honey Almond Granola", 700, 1600, "weight", "Clustery oven-baked granola with real honey"),
        ("Herbal Tea Sampler Box", 1000, 2400, "single", "Twelve caffeine-free blends"),
        ("70% Dark Chocolate Bar", 400, 1100, "pack", "Single-origin cocoa, vegan"),
        ("Protein Bar Box", 1800, 3800, "flavour", "20g protein, low sugar, 12 bars"),
        ("Young Coconut Water", 600, 1500, "pack", "100% natural, no added sugar"),
        ("Sambal Chilli Paste", 400, 1000, "pack", "Traditional recipe with bird's eye chillies"),
    ),
    "Sports & Outdoor": _items(
        ("Non-Slip Yoga Mat 6mm", 1500, 3500, "colour", "Dual-layer TPE with alignment lines"),
        ("Resistance Bands Set", 1000, 2500, "single", "Five levels with handles, door anchor and bag"),
        ("Adjustable Dumbbells", 3000, 9000, "weights", "Quick-lock collars and knurled grips"),
        ("Reflective Running Belt", 800, 1800, "colour", "Bounce-free phone pocket for any run"),
        ("Insulated Hiking Bottle", 1500, 3200, "colour", "Double-wall vacuum with a carabiner loop"),
        ("Rechargeable LED Headlamp", 1200, 2800, "single", "350 lumens with a red night mode"),
        ("Quick-Dry Gym Towel", 600, 1500, "colour", "Sweat-absorbing microfibre with a zip pocket"),
        ("Speed Jump Rope with Counter", 700, 1600, "colour", "Ball-bearing handles and a digital counter"),
        ("Compression Leggings", 1800, 4200, "apparel", "Squat-proof fabric with a hidden waist pocket"),
        ("High-Density Foam Roller", 1200, 2600, "colour", "Textured surface for deep-tissue recovery"),
        ("Lightweight Running Cap", 900, 2000, "colour", "Breathable mesh, packs flat"),
        ("Cycling Gloves Half Finger", 900, 2200, "apparel", "Gel palms and a breathable back"),
    ),
    "Baby & Maternity": _items(
        ("Organic Cotton Bodysuit 3-Pack", 1500, 3200, "baby_size", "GOTS organic cotton with nickel-free snaps"),
        ("Silicone Baby Feeding Set", 1400, 3000, "colour", "Suction bowl, plate, spoon and bib"),
        ("Water Baby Wipes 80 Sheets", 400, 900, "pack", "99% water, fragrance-free for newborn skin"),
        ("Nursing Pillow with Removable Cover", 2200, 4800, "colour", "Supports baby at the right height"),
        ("Bamboo Muslin Swaddle Blankets", 1600, 3500, "pack", "Soft, breathable and gets softer with every wash"),
        ("Anti-Colic Baby Bottle", 900, 2000, "bottle", "Vented to reduce colic and wind"),
        ("Maternity Support Belt", 1400, 3000, "apparel", "Relieves back and pelvic pressure"),
        ("Teething Toy Set", 600, 1500, "colour", "BPA-free silicone, freezer safe"),
        ("Diaper Rash Cream", 600, 1400, "volume", "Zinc oxide barrier with calendula"),
        ("Ergonomic Baby Carrier", 4000, 9000, "colour", "Four carrying positions, hip-healthy seat"),
        ("Stretch Mark Oil", 900, 2200, "volume", "Vitamin E and centella for growing bumps"),
    ),
    "Health": _items(
        ("Vitamin C 1000mg with Zinc", 800, 2000, "capsules", "Daily immune support, one tablet a day"),
        ("Marine Collagen Peptides", 2000, 4500, "weight", "Unflavoured, dissolves in hot or cold drinks"),
        ("Omega-3 Fish Oil", 1200, 2800, "capsules", "High-strength EPA and DHA, no fishy burps"),
        ("Daily Probiotic 30 Billion CFU", 1800, 4000, "capsules", "Ten strains for gut health"),
        ("Electrolyte Drink Mix", 1000, 2400, "flavour", "Sugar-free hydration sticks"),
        ("Magnesium Glycinate", 1200, 2600, "capsules", "Gentle on the stomach, supports sleep"),
        ("Digital Infrared Thermometer", 1500, 3500, "single", "One-second reading, no contact"),
        ("Mini Massage Gun", 3500, 8000, "colour", "Four heads and six speeds"),
        ("Herbal Nasal Inhaler", 200, 600, "pack", "Menthol, camphor and eucalyptus for a clear head"),
        ("Upper Arm Blood Pressure Monitor", 2500, 5500, "single", "Two-user memory with an irregular heartbeat alert"),
        ("Melatonin Sleep Gummies", 900, 2000, "flavour", "Drug-free, non-habit forming"),
        ("Adjustable Posture Corrector", 1000, 2400, "apparel", "Discreet under clothes, breathable straps"),
    ),
    "Pet Supplies": _items(
        ("Grain-Free Salmon Cat Food", 1200, 3000, "weight", "High-protein recipe with real salmon"),
        ("Clumping Tofu Cat Litter", 800, 1800, "scent", "Flushable, dust-free and fast-clumping"),
        ("Durable Rubber Dog Chew Toy", 700, 1800, "pet_size", "Treat-dispensing and tough on heavy chewers"),
        ("Orthopaedic Memory Foam Pet Bed", 2500, 6000, "pet_size", "Washable cover with a non-slip base"),
        ("Self-Cleaning Slicker Brush", 800, 1800, "single", "One-click bristle retraction"),
        ("Cat Scratching Post Tower", 2000, 5000, "colour", "Sisal posts with a hammock and a hideaway"),
        ("Retractable Dog Leash 5m", 1200, 2600, "colour", "One-button brake and lock"),
        ("Freeze-Dried Chicken Treats", 800, 1900, "weight", "Single ingredient, no preservatives"),
        ("Pet Water Fountain 2.5L", 2000, 4200, "colour", "Triple filtration and an ultra-quiet pump"),
        ("Dental Chews for Dogs", 900, 2100, "pet_size", "Reduces tartar and freshens breath"),
        ("Cat Teaser Wand Set", 500, 1200, "single", "Seven refills with feathers and bells"),
        ("Hypoallergenic Pet Grooming Wipes", 500, 1200, "pack", "Fragrance-free aloe wipes for paws and coats"),
    ),
}
# fmt: on

CATEGORY_BLURBS: dict[str, str] = {
    "Beauty & Personal Care": "Dermatologist tested, cruelty-free and made for warm, humid climates.",
    "Womenswear": "True to size; see the size chart in the images. Machine wash cold.",
    "Menswear": "True to size; size up for a relaxed fit. Machine wash cold.",
    "Fashion Accessories": "Gift-ready packaging included.",
    "Home & Living": "Designed for small spaces and everyday use.",
    "Phones & Electronics": "12-month warranty. Certified for safety and compatibility.",
    "Food & Beverages": "Packed fresh in a certified facility. Check the label for allergens.",
    "Sports & Outdoor": "Tested by athletes for training, trails and weekends.",
    "Baby & Maternity": "Free from BPA, phthalates and harsh chemicals.",
    "Health": "Food supplement. Not a substitute for a varied diet. Consult a doctor if pregnant.",
    "Pet Supplies": "Vet-approved and made with pets' safety in mind.",
}
