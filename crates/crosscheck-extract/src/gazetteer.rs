//! A compact offline gazetteer: the world's countries (with a representative
//! point), major European, Russian and Ukrainian cities, seas and regions.
//!
//! Source and licence: written for crosscheck from general geographic knowledge
//! of the kind published by Natural Earth (public domain) and GeoNames
//! (CC BY 4.0); coordinates are rounded to about 0.1° (a city point or a
//! country's visual centre; countries outside Europe to about 1°), good enough
//! for a map, not for navigation.
//! Russia's point is placed in European Russia because the map is of Europe.
//! The table is part of crosscheck and under the project's licence.
//!
//! Line format: `kind|cc|name|lat|lon|aliases;…|member ccs` where kind is
//! `country`, `city`, `area` (a place inside one country: island, province),
//! `sea`, `region` (several countries) or `continent`. Seas and regions list
//! their member (littoral) countries, which the compatibility test uses.

use std::collections::HashMap;

use once_cell::sync::Lazy;
use regex::Regex;
use serde::{Deserialize, Serialize};

const TABLE: &str = "\
continent||Europe|50.0|15.0||AL AD AT BY BE BA BG HR CY CZ DK EE FI FR DE GR HU IS IE IT XK LV LI LT LU MT MD ME NL MK NO PL PT RO RU RS SK SI ES SE CH UA GB FO
region||the Baltics|57.0|24.5|Baltic states;Baltic countries;Baltic nations;Baltic republics|EE LV LT
region||Scandinavia|62.0|15.0||NO SE DK
region||the Nordics|63.0|16.0|Nordic countries;Nordic region|NO SE DK FI IS
region||the Balkans|43.0|20.0|Balkans;Western Balkans|AL BA BG HR ME MK RS XK GR RO SI
region||the Caucasus|42.5|44.5|Caucasus;South Caucasus|GE AM AZ RU
sea||Baltic Sea|58.0|19.5|Baltic;Baltic region|SE FI EE LV LT PL DE DK RU
sea||North Sea|56.0|3.0||GB NO DK DE NL BE FR
sea||English Channel|50.2|-1.0|the Channel|GB FR
sea||Black Sea|43.4|34.0||UA RU TR BG RO GE
sea||Mediterranean Sea|35.5|18.0|Mediterranean|ES FR IT MT GR CY TR HR AL ME SI MC BA EG LY TN DZ MA IL LB SY PS
sea||Irish Sea|53.7|-5.0||GB IE
sea||Norwegian Sea|67.0|3.0||NO
sea||Barents Sea|72.0|38.0||NO RU
sea||Gulf of Finland|59.8|26.0||FI EE RU
sea||Gulf of Bothnia|63.0|20.0||SE FI
sea||Sea of Azov|46.0|36.5||UA RU
sea||Kattegat|56.9|11.5||DK SE
sea||Skagerrak|57.8|9.0||DK NO SE
sea||Arctic Ocean|78.0|30.0|Arctic|NO RU IS
country|AL|Albania|41.1|20.1||
country|AD|Andorra|42.5|1.6||
country|AT|Austria|47.6|14.1||
country|BY|Belarus|53.7|27.9||
country|BE|Belgium|50.6|4.6||
country|BA|Bosnia and Herzegovina|44.2|17.8|Bosnia|
country|BG|Bulgaria|42.7|25.5||
country|HR|Croatia|45.1|15.2||
country|CY|Cyprus|35.1|33.4||
country|CZ|Czech Republic|49.8|15.5|Czechia|
country|DK|Denmark|56.0|9.5||
country|EE|Estonia|58.6|25.0||
country|FI|Finland|64.5|26.0||
country|FR|France|46.6|2.4||
country|DE|Germany|51.2|10.4||
country|GR|Greece|39.1|22.0||
country|HU|Hungary|47.2|19.5||
country|IS|Iceland|65.0|-19.0||
country|IE|Ireland|53.4|-8.2||
country|IT|Italy|42.8|12.6||
country|XK|Kosovo|42.6|20.9||
country|LV|Latvia|56.9|24.6||
country|LI|Liechtenstein|47.2|9.5||
country|LT|Lithuania|55.2|23.9||
country|LU|Luxembourg|49.8|6.1||
country|MT|Malta|35.9|14.4||
country|MD|Moldova|47.4|28.4||
country|ME|Montenegro|42.7|19.4||
country|NL|Netherlands|52.2|5.3|the Netherlands;Holland|
country|MK|North Macedonia|41.6|21.7||
country|NO|Norway|62.0|10.0||
country|PL|Poland|52.0|19.4||
country|PT|Portugal|39.6|-8.0||
country|RO|Romania|45.9|25.0||
country|RU|Russia|56.0|40.0|Russian Federation|
country|RS|Serbia|44.0|20.9||
country|SK|Slovakia|48.7|19.7||
country|SI|Slovenia|46.1|15.0||
country|ES|Spain|40.2|-3.6||
country|SE|Sweden|62.0|15.0||
country|CH|Switzerland|46.8|8.2||
country|UA|Ukraine|49.0|31.4||
country|GB|United Kingdom|54.0|-2.5|UK;Britain;Great Britain;England;Scotland;Wales;Northern Ireland|
country|FO|Faroe Islands|62.0|-6.9||
country|GL|Greenland|72.0|-40.0||
country|TR|Turkey|39.0|35.2|Türkiye|
country|GE|Georgia|42.3|43.4||
country|AM|Armenia|40.1|45.0||
country|AZ|Azerbaijan|40.3|47.7||
country|KZ|Kazakhstan|48.0|67.0||
country|US|United States|39.8|-98.6|US;U.S.;USA;America|
country|CA|Canada|56.0|-106.0||
country|CN|China|35.0|103.0||
country|IR|Iran|32.4|53.7||
country|IL|Israel|31.0|34.9||
country|SY|Syria|35.0|38.5||
country|KP|North Korea|40.3|127.5||
country|JP|Japan|36.2|138.3||
country|IN|India|22.0|79.0||
country|DZ|Algeria|28.0|2.6||
country|AO|Angola|-12.3|17.5||
country|BJ|Benin|9.3|2.3||
country|BW|Botswana|-22.3|24.7||
country|BF|Burkina Faso|12.2|-1.6||
country|BI|Burundi|-3.4|29.9||
country|CM|Cameroon|5.7|12.7||
country|CV|Cape Verde|16.0|-24.0|Cabo Verde|
country|CF|Central African Republic|6.6|20.9||
country|TD|Chad|15.4|18.7||
country|KM|Comoros|-11.9|43.9||
country|CD|Democratic Republic of the Congo|-2.9|23.6|DR Congo;DRC;Congo-Kinshasa|
country|CG|Republic of the Congo|-0.7|15.2|Congo-Brazzaville|
country|DJ|Djibouti|11.8|42.6||
country|EG|Egypt|26.5|30.0||
country|GQ|Equatorial Guinea|1.6|10.5||
country|ER|Eritrea|15.2|39.0||
country|SZ|Eswatini|-26.5|31.5|Swaziland|
country|ET|Ethiopia|8.6|39.6||
country|GA|Gabon|-0.6|11.8||
country|GM|Gambia|13.4|-15.4|the Gambia|
country|GH|Ghana|7.9|-1.0||
country|GN|Guinea|10.4|-10.9||
country|GW|Guinea-Bissau|12.0|-15.0||
country|CI|Ivory Coast|7.6|-5.5|Côte d'Ivoire;Cote d'Ivoire|
country|KE|Kenya|0.5|37.9||
country|LS|Lesotho|-29.6|28.2||
country|LR|Liberia|6.4|-9.4||
country|LY|Libya|27.0|17.0||
country|MG|Madagascar|-19.4|46.7||
country|MW|Malawi|-13.2|34.3||
country|ML|Mali|17.4|-3.5||
country|MR|Mauritania|20.3|-10.3||
country|MU|Mauritius|-20.3|57.6||
country|MA|Morocco|31.8|-7.1||
country|MZ|Mozambique|-17.3|35.5||
country|NA|Namibia|-22.1|17.2||
country|NE|Niger|17.4|9.4||
country|NG|Nigeria|9.6|8.1||
country|RW|Rwanda|-2.0|29.9||
country|SN|Senegal|14.4|-14.5||
country|SC|Seychelles|-4.7|55.5||
country|SL|Sierra Leone|8.6|-11.8||
country|SO|Somalia|5.2|46.2||
country|ZA|South Africa|-29.0|25.1||
country|SS|South Sudan|7.3|30.3||
country|SD|Sudan|15.5|30.0||
country|TZ|Tanzania|-6.3|34.8||
country|TG|Togo|8.5|1.0||
country|TN|Tunisia|34.1|9.6||
country|UG|Uganda|1.3|32.4||
country|ZM|Zambia|-13.5|27.8||
country|ZW|Zimbabwe|-19.0|29.8||
country|MX|Mexico|23.6|-102.5||
country|GT|Guatemala|15.7|-90.2||
country|BZ|Belize|17.2|-88.7||
country|HN|Honduras|14.8|-86.6||
country|SV|El Salvador|13.7|-88.9||
country|NI|Nicaragua|12.9|-85.2||
country|CR|Costa Rica|9.9|-84.1||
country|PA|Panama|8.5|-80.1||
country|CU|Cuba|21.5|-79.5||
country|HT|Haiti|19.0|-72.7||
country|DO|Dominican Republic|18.9|-70.5||
country|JM|Jamaica|18.1|-77.3||
country|BS|Bahamas|24.7|-78.0|the Bahamas|
country|TT|Trinidad and Tobago|10.4|-61.3||
country|BB|Barbados|13.2|-59.5||
country|CO|Colombia|4.6|-74.1||
country|VE|Venezuela|7.1|-66.2||
country|EC|Ecuador|-1.8|-78.2||
country|PE|Peru|-9.2|-75.0||
country|BO|Bolivia|-16.3|-63.6||
country|BR|Brazil|-10.3|-53.1||
country|PY|Paraguay|-23.4|-58.4||
country|UY|Uruguay|-32.5|-55.8||
country|AR|Argentina|-34.0|-64.0||
country|CL|Chile|-33.0|-71.0||
country|GY|Guyana|4.9|-58.9||
country|SR|Suriname|4.0|-56.0||
country|AF|Afghanistan|33.9|67.7||
country|PK|Pakistan|30.4|69.3||
country|BD|Bangladesh|23.7|90.4||
country|LK|Sri Lanka|7.9|80.8||
country|NP|Nepal|28.4|84.1||
country|BT|Bhutan|27.5|90.4||
country|MM|Myanmar|21.9|95.9|Burma|
country|TH|Thailand|15.9|101.0||
country|LA|Laos|19.9|102.5||
country|KH|Cambodia|12.6|104.9||
country|VN|Vietnam|14.1|108.3|Viet Nam|
country|MY|Malaysia|4.2|101.9||
country|SG|Singapore|1.35|103.8||
country|ID|Indonesia|-2.5|118.0||
country|PH|Philippines|12.9|121.8|the Philippines|
country|BN|Brunei|4.5|114.7||
country|TL|East Timor|-8.9|125.7|Timor-Leste|
country|MN|Mongolia|46.9|103.8||
country|KR|South Korea|36.5|127.8|Republic of Korea|
country|TW|Taiwan|23.7|121.0||
country|IQ|Iraq|33.2|43.7||
country|SA|Saudi Arabia|23.9|45.1||
country|YE|Yemen|15.6|48.5||
country|OM|Oman|21.5|55.9||
country|AE|United Arab Emirates|23.4|53.8|UAE;U.A.E.|
country|QA|Qatar|25.4|51.2||
country|BH|Bahrain|26.0|50.6||
country|KW|Kuwait|29.3|47.5||
country|JO|Jordan|30.6|36.2||
country|LB|Lebanon|33.9|35.9||
country|PS|Palestinian territories|31.9|35.2|Palestine|
country|UZ|Uzbekistan|41.4|64.6||
country|TM|Turkmenistan|39.0|59.6||
country|TJ|Tajikistan|38.9|71.3||
country|KG|Kyrgyzstan|41.2|74.8||
country|MV|Maldives|3.2|73.2||
country|AU|Australia|-25.3|133.8||
country|NZ|New Zealand|-40.9|174.9||
country|PG|Papua New Guinea|-6.3|143.9||
country|FJ|Fiji|-17.7|178.0||
country|SB|Solomon Islands|-9.6|160.2||
country|VU|Vanuatu|-15.4|166.9||
country|WS|Samoa|-13.8|-172.1||
country|TO|Tonga|-21.2|-175.2||
country|SM|San Marino|43.9|12.5||
country|MC|Monaco|43.7|7.4||
country|VA|Vatican City|41.9|12.45|Holy See;the Vatican|
area|UA|Crimea|45.3|34.4||
area|UA|Donbas|48.3|38.0|Donbass|
area|DK|Bornholm|55.1|14.9||
area|SE|Gotland|57.5|18.5||
area|FI|Åland|60.2|20.0|Aland|
area|NO|Svalbard|78.2|15.6||
city|GB|London|51.51|-0.13||
city|GB|Manchester|53.48|-2.24||
city|GB|Birmingham|52.49|-1.89||
city|GB|Liverpool|53.41|-2.98||
city|GB|Leeds|53.80|-1.55||
city|GB|Glasgow|55.86|-4.25||
city|GB|Edinburgh|55.95|-3.19||
city|GB|Belfast|54.60|-5.93||
city|GB|Salisbury|51.07|-1.79||
city|IE|Dublin|53.35|-6.26||
city|FR|Paris|48.86|2.35||
city|FR|Marseille|43.30|5.37|Marseilles|
city|FR|Lyon|45.76|4.84||
city|FR|Toulouse|43.60|1.44||
city|FR|Bordeaux|44.84|-0.58||
city|FR|Strasbourg|48.57|7.75||
city|FR|Lille|50.63|3.06||
city|FR|Brest|48.39|-4.49||
city|DE|Berlin|52.52|13.40||
city|DE|Hamburg|53.55|9.99||
city|DE|Munich|48.14|11.58|München|
city|DE|Frankfurt|50.11|8.68||
city|DE|Cologne|50.94|6.96|Köln|
city|DE|Stuttgart|48.78|9.18||
city|DE|Düsseldorf|51.23|6.77|Dusseldorf|
city|DE|Leipzig|51.34|12.37||
city|DE|Dresden|51.05|13.74||
city|DE|Bremen|53.08|8.80||
city|DE|Hanover|52.37|9.74|Hannover|
city|DE|Kiel|54.32|10.14||
city|DE|Rostock|54.09|12.10||
city|BE|Brussels|50.85|4.35||
city|BE|Antwerp|51.22|4.40||
city|NL|Amsterdam|52.37|4.90||
city|NL|Rotterdam|51.92|4.48||
city|NL|The Hague|52.08|4.30||
city|PL|Warsaw|52.23|21.01||
city|PL|Kraków|50.06|19.94|Krakow;Cracow|
city|PL|Gdańsk|54.35|18.65|Gdansk|
city|PL|Gdynia|54.52|18.53||
city|PL|Wrocław|51.11|17.03|Wroclaw|
city|PL|Poznań|52.41|16.93|Poznan|
city|PL|Łódź|51.76|19.46|Lodz|
city|PL|Rzeszów|50.04|22.00|Rzeszow|
city|PL|Lublin|51.25|22.57||
city|PL|Szczecin|53.43|14.55||
city|PL|Białystok|53.13|23.16|Bialystok|
city|EE|Tallinn|59.44|24.75||
city|EE|Narva|59.38|28.19||
city|EE|Tartu|58.38|26.72||
city|LV|Riga|56.95|24.11||
city|LV|Daugavpils|55.87|26.54||
city|LT|Vilnius|54.69|25.28||
city|LT|Kaunas|54.90|23.90||
city|LT|Klaipėda|55.71|21.13|Klaipeda|
city|FI|Helsinki|60.17|24.94||
city|FI|Turku|60.45|22.27||
city|FI|Oulu|65.01|25.47||
city|SE|Stockholm|59.33|18.07||
city|SE|Gothenburg|57.71|11.97|Göteborg|
city|SE|Malmö|55.60|13.00|Malmo|
city|NO|Oslo|59.91|10.75||
city|NO|Bergen|60.39|5.32||
city|NO|Tromsø|69.65|18.96|Tromso|
city|NO|Kirkenes|69.73|30.05||
city|DK|Copenhagen|55.68|12.57||
city|DK|Aalborg|57.05|9.92||
city|DK|Aarhus|56.16|10.20||
city|IS|Reykjavik|64.15|-21.94|Reykjavík|
city|AT|Vienna|48.21|16.37||
city|CZ|Prague|50.08|14.44||
city|SK|Bratislava|48.15|17.11||
city|HU|Budapest|47.50|19.04||
city|RO|Bucharest|44.43|26.10||
city|RO|Constanța|44.18|28.63|Constanta|
city|BG|Sofia|42.70|23.32||
city|BG|Varna|43.21|27.91||
city|RS|Belgrade|44.79|20.45||
city|HR|Zagreb|45.81|15.98||
city|SI|Ljubljana|46.06|14.51||
city|GR|Athens|37.98|23.73||
city|IT|Rome|41.90|12.50||
city|IT|Milan|45.46|9.19||
city|IT|Naples|40.85|14.27||
city|ES|Madrid|40.42|-3.70||
city|ES|Barcelona|41.39|2.17||
city|PT|Lisbon|38.72|-9.14||
city|CH|Bern|46.95|7.45||
city|CH|Geneva|46.20|6.14||
city|CH|Zurich|47.37|8.54|Zürich|
city|MD|Chișinău|47.01|28.86|Chisinau|
city|BY|Minsk|53.90|27.57||
city|TR|Ankara|39.93|32.86||
city|TR|Istanbul|41.01|28.98||
city|GE|Tbilisi|41.72|44.79||
city|UA|Kyiv|50.45|30.52|Kiev|
city|UA|Kharkiv|49.99|36.23|Kharkov|
city|UA|Dnipro|48.46|35.05|Dnipropetrovsk|
city|UA|Odesa|46.48|30.72|Odessa|
city|UA|Lviv|49.84|24.03||
city|UA|Zaporizhzhia|47.84|35.14|Zaporizhia;Zaporozhye|
city|UA|Mykolaiv|46.98|32.00||
city|UA|Kherson|46.64|32.61||
city|UA|Donetsk|48.00|37.80||
city|UA|Luhansk|48.57|39.31||
city|UA|Mariupol|47.10|37.55||
city|UA|Pokrovsk|48.28|37.18||
city|UA|Sumy|50.91|34.80||
city|UA|Chernihiv|51.50|31.30||
city|UA|Poltava|49.59|34.55||
city|UA|Kramatorsk|48.72|37.56||
city|UA|Vinnytsia|49.23|28.47||
city|UA|Sevastopol|44.60|33.52||
city|RU|Moscow|55.76|37.62||
city|RU|Saint Petersburg|59.94|30.31|St Petersburg;St. Petersburg|
city|RU|Kaliningrad|54.71|20.51||
city|RU|Murmansk|68.97|33.08||
city|RU|Belgorod|50.60|36.59||
city|RU|Kursk|51.73|36.19||
city|RU|Bryansk|53.24|34.36||
city|RU|Rostov-on-Don|47.24|39.71||
city|RU|Novorossiysk|44.72|37.77||
city|RU|Pskov|57.82|28.33||
city|RU|Voronezh|51.67|39.18||
";

/// Demonyms, used only in phrases where they name a place ("the Polish border")
/// and to read free-text place descriptions such as a gold file's.
const DEMONYMS: &[(&str, &str)] = &[
    ("Polish", "PL"), ("German", "DE"), ("French", "FR"), ("British", "GB"), ("Danish", "DK"), ("Swedish", "SE"),
    ("Finnish", "FI"), ("Norwegian", "NO"), ("Estonian", "EE"), ("Latvian", "LV"), ("Lithuanian", "LT"),
    ("Dutch", "NL"), ("Belgian", "BE"), ("Romanian", "RO"), ("Bulgarian", "BG"), ("Moldovan", "MD"),
    ("Ukrainian", "UA"), ("Russian", "RU"), ("Belarusian", "BY"), ("Czech", "CZ"), ("Slovak", "SK"),
    ("Hungarian", "HU"), ("Italian", "IT"), ("Spanish", "ES"), ("Irish", "IE"), ("Greek", "GR"), ("Turkish", "TR"),
    ("Austrian", "AT"), ("Swiss", "CH"), ("Portuguese", "PT"), ("Icelandic", "IS"), ("Georgian", "GE"),
];

/// What sort of place an entry is; ordered from least to most specific.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlaceKind {
    Continent,
    Region,
    Sea,
    Country,
    Area,
    City,
    /// A place the gazetteer does not know, named in the text after a locative
    /// preposition or before a facility noun ("at the Port of Kelmarsh"): no
    /// country, no coordinates.
    Named,
}

impl PlaceKind {
    /// Higher is more specific.
    pub fn specificity(&self) -> u8 {
        match self {
            PlaceKind::Continent => 0,
            PlaceKind::Region => 1,
            PlaceKind::Sea => 2,
            PlaceKind::Country => 2,
            PlaceKind::Area => 3,
            PlaceKind::City => 4,
            PlaceKind::Named => 3,
        }
    }
}

/// A resolved place.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Place {
    /// Gazetteer key: `pl`, `gb/london`, `sea/baltic-sea`, `region/scandinavia`.
    pub id: String,
    pub name: String,
    pub kind: PlaceKind,
    /// ISO 3166-1 alpha-2 code (upper case) for countries and places inside one country.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cc: Option<String>,
    /// Coordinates, when the gazetteer knows the place (`None` for a [`PlaceKind::Named`] place).
    pub lat: Option<f64>,
    pub lon: Option<f64>,
}

/// One gazetteer entry.
#[derive(Debug, Clone)]
pub struct Entry {
    pub place: Place,
    pub aliases: Vec<String>,
    /// Member / littoral countries of a sea, region or continent.
    pub members: Vec<String>,
}

struct Gazetteer {
    entries: Vec<Entry>,
    by_id: HashMap<String, usize>,
    by_name: HashMap<String, usize>,
    names: Regex,
}

fn slug(s: &str) -> String {
    s.to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|p| !p.is_empty() && *p != "the")
        .collect::<Vec<_>>()
        .join("-")
}

static GAZ: Lazy<Gazetteer> = Lazy::new(|| {
    let mut entries = Vec::new();
    for line in TABLE.lines().filter(|l| !l.trim().is_empty()) {
        let f: Vec<&str> = line.split('|').collect();
        assert_eq!(f.len(), 7, "gazetteer line {line:?}");
        let kind = match f[0] {
            "continent" => PlaceKind::Continent,
            "region" => PlaceKind::Region,
            "sea" => PlaceKind::Sea,
            "country" => PlaceKind::Country,
            "area" => PlaceKind::Area,
            "city" => PlaceKind::City,
            k => panic!("gazetteer kind {k:?}"),
        };
        let cc = (!f[1].is_empty()).then(|| f[1].to_string());
        let id = match kind {
            PlaceKind::Country => f[1].to_lowercase(),
            PlaceKind::City | PlaceKind::Area => format!("{}/{}", f[1].to_lowercase(), slug(f[2])),
            PlaceKind::Sea => format!("sea/{}", slug(f[2])),
            PlaceKind::Region => format!("region/{}", slug(f[2])),
            PlaceKind::Continent => format!("continent/{}", slug(f[2])),
            PlaceKind::Named => unreachable!("the table holds no unknown places"),
        };
        entries.push(Entry {
            place: Place {
                id,
                name: f[2].trim_start_matches("the ").to_string(),
                kind,
                cc,
                lat: Some(f[3].parse().expect("lat")),
                lon: Some(f[4].parse().expect("lon")),
            },
            aliases: f[5].split(';').filter(|s| !s.is_empty()).map(str::to_string).collect(),
            members: f[6].split_whitespace().map(str::to_string).collect(),
        });
    }
    let mut by_id = HashMap::new();
    let mut by_name = HashMap::new();
    let mut all_names: Vec<String> = Vec::new();
    for (i, e) in entries.iter().enumerate() {
        by_id.insert(e.place.id.clone(), i);
        let mut names = vec![e.place.name.clone()];
        names.extend(e.aliases.iter().cloned());
        for n in names {
            by_name.entry(n.clone()).or_insert(i);
            all_names.push(n);
        }
    }
    all_names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    all_names.dedup();
    let alternation = all_names.iter().map(|n| regex::escape(n)).collect::<Vec<_>>().join("|");
    let names = Regex::new(&format!("(?:{alternation})")).expect("gazetteer regex");
    Gazetteer { entries, by_id, by_name, names }
});

/// A place name found in a text (byte offsets relative to that text).
#[derive(Debug, Clone)]
pub struct Hit {
    pub start: usize,
    pub end: usize,
    pub entry: &'static Entry,
}

/// Every gazetteer name in `text` (case-sensitive, whole words, longest first).
pub fn find_all(text: &str) -> Vec<Hit> {
    let g: &'static Gazetteer = &GAZ;
    let mut out = Vec::new();
    for m in g.names.find_iter(text) {
        let before = text[..m.start()].chars().next_back();
        let after = text[m.end()..].chars().next();
        if before.is_some_and(|c| c.is_alphanumeric()) || after.is_some_and(|c| c.is_alphanumeric()) {
            continue;
        }
        if let Some(&i) = g.by_name.get(m.as_str()) {
            out.push(Hit { start: m.start(), end: m.end(), entry: &g.entries[i] });
        }
    }
    out
}

/// Demonym + "border" phrases ("the Polish border") naming a country's border.
pub fn find_border_demonyms(text: &str) -> Vec<Hit> {
    static RE: Lazy<Regex> = Lazy::new(|| {
        let alt = DEMONYMS.iter().map(|(d, _)| *d).collect::<Vec<_>>().join("|");
        Regex::new(&format!(r"\b({alt})(?:\s+|-)(?:border|frontier|airspace|coast|territorial\s+waters)\b")).unwrap()
    });
    RE.captures_iter(text)
        .filter_map(|c| {
            let m = c.get(1)?;
            let cc = DEMONYMS.iter().find(|(d, _)| *d == m.as_str())?.1;
            Some(Hit { start: m.start(), end: m.end(), entry: entry_by_id(&cc.to_lowercase())? })
        })
        .collect()
}

/// A place the gazetteer does not know, from its printed name: "the Port of
/// Kelmarsh", "Kelmarsh port" and "Kelmarsh" are one place (facility words and
/// articles are dropped from the key).
pub fn named_place(printed: &str) -> Option<Place> {
    let core: Vec<&str> = printed
        .split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .filter(|w| {
            let l = w.to_lowercase();
            !crate::tables::PLACE_FACILITY_WORDS.contains(&l.as_str())
        })
        .collect();
    let name = core.join(" ");
    let key = slug(&name);
    if key.is_empty() {
        return None;
    }
    Some(Place { id: format!("named/{key}"), name, kind: PlaceKind::Named, cc: None, lat: None, lon: None })
}

/// Places named in a free-text description ("east London (Ukrainian-owned
/// warehouse)", "Polish border"): gazetteer names and demonyms alike.
pub fn resolve_loose(text: &str) -> Vec<Place> {
    let mut out: Vec<Place> = find_all(text).into_iter().map(|h| h.entry.place.clone()).collect();
    if out.is_empty() && !DEMONYMS.iter().any(|(d, _)| text.contains(d)) {
        // Not in the gazetteer: the description itself, minus any parenthesis, names the place.
        let head = text.split('(').next().unwrap_or(text).trim();
        out.extend(named_place(head));
    }
    for (d, cc) in DEMONYMS {
        let re = Regex::new(&format!(r"\b{d}\b")).unwrap();
        if re.is_match(text) {
            if let Some(e) = entry_by_id(&cc.to_lowercase()) {
                if !out.iter().any(|p| p.id == e.place.id) {
                    out.push(e.place.clone());
                }
            }
        }
    }
    out
}

/// Whether a word is a country demonym ("Polish", "Ukrainian").
pub fn is_demonym(word: &str) -> bool {
    DEMONYMS.iter().any(|(d, _)| *d == word)
}

/// The entry with this id.
pub fn entry_by_id(id: &str) -> Option<&'static Entry> {
    let g: &'static Gazetteer = &GAZ;
    g.by_id.get(id).map(|&i| &g.entries[i])
}

/// The entry printed under this name or alias (case-sensitive).
pub fn lookup(name: &str) -> Option<&'static Entry> {
    let g: &'static Gazetteer = &GAZ;
    g.by_name.get(name).map(|&i| &g.entries[i])
}

/// Every entry (for drawing country points on the map).
pub fn entries() -> &'static [Entry] {
    &GAZ.entries
}

fn members(p: &Place) -> &'static [String] {
    entry_by_id(&p.id).map(|e| e.members.as_slice()).unwrap_or(&[])
}

/// Whether `outer` contains `inner`.
fn contains(outer: &Place, inner: &Place) -> bool {
    use PlaceKind::*;
    match (outer.kind, inner.kind) {
        (Country, City | Area) => outer.cc == inner.cc,
        (Continent, _) => inner.kind != Continent,
        (Region, Country | City | Area) => inner.cc.as_ref().is_some_and(|cc| members(outer).contains(cc)),
        (Region, Region | Sea) => {
            let om = members(outer);
            members(inner).iter().any(|m| om.contains(m))
        }
        // A sea "contains" its littoral countries for matching purposes (an incident
        // "off Finland" and one "in the Baltic Sea" may be one); a city is never in a sea.
        (Sea, Country) => inner.cc.as_ref().is_some_and(|cc| members(outer).contains(cc)),
        _ => false,
    }
}

/// How well two places can name the scene of one incident: 3 same place,
/// 2 same country, 1 one contains the other, 0 incompatible.
pub fn compatibility(a: &Place, b: &Place) -> u8 {
    if a.id == b.id {
        return 3;
    }
    // An unknown place may lie in any country or region, but is not another known city.
    if a.kind == PlaceKind::Named || b.kind == PlaceKind::Named {
        let other = if a.kind == PlaceKind::Named { b } else { a };
        return match other.kind {
            PlaceKind::Continent | PlaceKind::Region | PlaceKind::Country | PlaceKind::Sea => 1,
            _ => 0,
        };
    }
    if let (Some(x), Some(y)) = (&a.cc, &b.cc) {
        // Two different cities (or areas) of one country are different scenes.
        if x == y {
            return if a.kind == PlaceKind::Country || b.kind == PlaceKind::Country { 2 } else { 0 };
        }
    }
    if contains(a, b) || contains(b, a) {
        1
    } else {
        0
    }
}

/// Best compatibility between two place lists; `None` when either is empty
/// (an unknown place is compatible with anything, weakly).
pub fn best_compatibility(a: &[Place], b: &[Place]) -> Option<u8> {
    if a.is_empty() || b.is_empty() {
        return None;
    }
    Some(a.iter().flat_map(|x| b.iter().map(move |y| compatibility(x, y))).max().unwrap_or(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_parses_and_resolves_aliases() {
        assert!(entries().len() > 150);
        assert_eq!(lookup("Kiev").unwrap().place.id, "ua/kyiv");
        assert_eq!(lookup("Baltic Sea").unwrap().place.kind, PlaceKind::Sea);
        let hits = find_all("drones over Poland and the Baltics, near Copenhagen airport; Romanian");
        let ids: Vec<&str> = hits.iter().map(|h| h.entry.place.id.as_str()).collect();
        assert_eq!(ids, vec!["pl", "region/baltics", "dk/copenhagen"]);
    }

    #[test]
    fn compatibility_follows_containment() {
        let p = |n: &str| lookup(n).unwrap().place.clone();
        assert_eq!(compatibility(&p("London"), &p("United Kingdom")), 2);
        assert_eq!(compatibility(&p("Warsaw"), &p("Kraków")), 0);
        assert_eq!(compatibility(&p("Poland"), &p("Europe")), 1);
        assert_eq!(compatibility(&p("Baltic Sea"), &p("Baltic states")), 1);
        assert_eq!(compatibility(&p("Baltic Sea"), &p("Copenhagen")), 0);
        assert_eq!(compatibility(&p("Black Sea"), &p("Baltic Sea")), 0);
        assert_eq!(find_border_demonyms("near the Polish border")[0].entry.place.id, "pl");
        let loose: Vec<String> = resolve_loose("Polish border").into_iter().map(|p| p.id).collect();
        assert_eq!(loose, vec!["pl"]);
    }
}
