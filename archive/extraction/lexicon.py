"""Closed word lists shared by the extractors (titles, organisation heads, stopwords)."""

from __future__ import annotations

import re


def _words(text: str) -> frozenset[str]:
    """A word list written as one whitespace-separated string."""
    return frozenset(text.split())


# Words that make up job titles and roles. A capitalised run like
# "Deputy Foreign Minister for Political Affairs Ali Bagheri Kani" is split into
# a role (these words) and the name that follows them.
ROLE_WORDS = _words(
    """
    president vice prime minister deputy foreign ambassador envoy speaker secretary general
    ombudsman ombudswoman ombudsperson comptroller treasurer
    chancellor king queen prince princess emperor governor senator sen mayor mr mrs ms mx dr
    prof professor sir dame lord lady judge justice chairman chairwoman chairperson chair
    director head chief spokesman spokeswoman spokesperson commander colonel col general gen
    captain capt lieutenant lt sergeant sgt admiral marshal major sheikh pope father reverend
    rev representative rep acting former interim political affairs interior defence defense
    finance economy economic emergencies health education energy trade industry culture
    foreign-affairs state federal national regional first second third senior special
    assistant adviser advisor counselor counsellor consul attorney officer official minister
    premier deputies ministers presidents ambassadors delegate permanent coach manager ceo
    founder leader opposition supreme ayatollah hojatoleslam imam bishop archbishop cardinal saint
    st federation council parliament parliamentary member mp mep agriculture transport justice
    labour labor environment communications development security intelligence executive
    director-general secretary-general vice-president deputy-head counterpart
    congressman congresswoman assemblyman assemblywoman councillor councilor councilman
    councilwoman constable inspector detective superintendent prosecutor whip majority
    minority monsignor monsenor rabbi pastor astronaut astronomer scientist researcher
    economist analyst journalist reporter correspondent editor author writer singer rapper
    actor actress musician artist player striker goalkeeper grandmaster physician doctor
    nurse lawyer activist candidate nominee challenger incumbent youtuber taoiseach
    commissioner emeritus mme mlle immunologist epidemiologist virologist lead
    co-author coauthor co-founder engineer administrator current outgoing incoming
    sheriff coroner sultan emir lawmaker alderman exchequer fellow undersecretary under-secretary
    """
)

# The last word of a role: a name may follow these directly ("President Putin").
ROLE_HEADS = _words(
    """
    president minister ambassador envoy speaker secretary chancellor king queen prince
    princess governor senator sen mayor mr mrs ms mx dr prof professor sir dame lord lady
    judge chairman chairwoman chairperson director chief spokesman spokeswoman spokesperson
    commander colonel col general gen captain capt lieutenant lt sergeant sgt admiral
    marshal sheikh pope reverend rev representative rep premier coach ayatollah hojatoleslam imam
    bishop archbishop cardinal adviser advisor consul attorney leader ceo founder
    congressman congresswoman assemblyman assemblywoman councillor councilor councilman
    councilwoman constable inspector detective superintendent prosecutor whip monsignor
    rabbi pastor astronaut astronomer scientist researcher economist analyst journalist
    reporter correspondent editor author writer singer rapper actor actress musician
    artist player striker goalkeeper grandmaster physician doctor lawyer activist
    candidate nominee challenger incumbent youtuber taoiseach commissioner mme mlle
    immunologist epidemiologist virologist sheriff coroner sultan emir lawmaker alderman fellow
    undersecretary under-secretary
    """
)

# Endings of occupations capitalised at a sentence start ("Broadcaster Piers Morgan").
ROLE_SUFFIXES = ("ator", "ist", "caster", "blower", "author", "eer")

# Courtesy titles stripped by name_key().
HONORIFICS = _words("mr mrs ms mx dr prof sir dame lord lady sheikh")

# A company's legal form, ending its name ("Texaco Inc", "BT Asia Ltd").
COMPANY_FORMS = _words(
    "inc corp co ltd plc llc ag gmbh nv spa sa ab a/s asa oy oyj bhd pty llp kk bv srl sarl kgaa"
)

# Words that open an organisation's name rather than end it ("Banco Santander").
LEADING_HEADS = _words("banco banca banque bankhaus")

# Words that end an organisation's name (company forms among them).
ORG_HEADS = (
    COMPANY_FORMS
    | LEADING_HEADS
    | _words(
        """
    ministry office department government agency council committee party embassy commission
    service services army navy police court parliament administration organisation
    organization union bank fund company corporation institute university association
    foundation assembly authority movement front coalition alliance federation board
    directorate secretariat bureau commissariat guard forces cabinet senate congress
    command headquarters division regiment battalion brigade group center centre conference
    society trust network herald gazette tribune times post news journal telegraph chronicle
    press broadcasting
    holdings industries airlines bancorp exchange bourse
    centers centres survey presidency patrol workers project program programme laboratory
    observatory museum hospital academy league institution international watch chamber tribunal
    club
    """
    )
)

# Words that may appear in lower case inside an organisation name ("Russian foreign ministry").
ORG_LOWER = _words(
    """
    foreign defence defense interior state health finance justice emergencies economy
    education energy trade security intelligence national federal presidential budget
    agriculture labour labor transport environment culture tourism industry commerce
    treasury planning housing immigration communications information
    """
)

# Capitalised words that never belong to a person's name.
NON_NAME_WORDS = _words(
    """
    the a an in on at as for from by with without after before during while when where why
    what who whom whose how this that these those it its he she they we i you our his her
    their my your but and or nor so if also according regarding separately meanwhile however
    both each some many most all other another earlier later last next key go looking under
    over since until despite following amid among between through speaking asked not no yes
    then there here today tomorrow yesterday tonight thus still even only just once again
    monday tuesday wednesday thursday friday saturday sunday january february march april
    june july august september october november december photo image video source
    caucasus asia europe africa america americas oceania arctic antarctic middle east west
    north south central northern southern eastern western upper lower greater new saint
    mount lake river sea ocean gulf bay strait strip island islands peninsula valley desert
    region province state county city district republic kingdom empire federation union
    ministry council committee party organisation organization treaty agreement platform
    format corridor industry forum conference summit university institute agency service
    court parliament government administration commission assembly congress senate house
    office department bank fund company corporation group news press times post airlines
    airport station street square avenue road hospital school college church mosque army
    navy police forces force day week month year war games cup league championship festival
    award awards prize program programme project initiative strategy law act bill
    covid coronavirus internet god allah christmas easter ramadan eid world international
    global national federal security defense defence foreign affairs
    although neither either whether unless though because once whereas yet instead
    therefore hence moreover furthermore additionally besides otherwise indeed perhaps
    maybe unlike like including given per via about above across against along around
    behind below beyond down inside into near off onto out outside past toward towards up
    upon within every any several few such much more less whoever whatever wherever
    whenever let please dear hello thanks thank well oh now soon does do did is are was
    were be been has have had can could would shall should must might saying says
    told asked added officials sources witnesses reports
    united states nations kingdom republican republicans democratic democrats democrat
    conservative conservatives liberal liberals labour green greens socialist communist
    muslim muslims christian christians jewish catholic islamic hindu buddhist orthodox
    protestant evangelical sunni shia atheist
    center centre clinic hurricane storm typhoon cyclone tropical earthquake system systems
    science sciences disease diseases society public control constitution commons capitol
    product products
    presidential marine marines corps emergency grand master masters space telescope
    observatory array universe olympiad olympiads olympics olympic paralympic convention
    competition election elections primary caucuses rally tower boulevard mall trench
    enterprise pharmaceuticals construction expeditions media voices order family
    wrestling entertainment inc ltd llc plc gmbh team club fc amendment bulletin advisory
    response recovery protection safety reduction risk diversity twitter facebook youtube
    instagram google linux museum gallery theatre theater cinema film movie album series
    season episode trophy medal championships tour prix marathon cathedral temple
    basilica monastery palace castle tunnel highway railway metro harbour harbor beach
    coast reef forest memorial monument plaza laboratory laboratories hotel restaurant
    foundation network channel radio television tv magazine journal newspaper review
    afterwards subsequently previously currently recently eventually finally initially
    ultimately unfortunately fortunately interestingly notably importantly specifically
    similarly likewise overall elsewhere nevertheless nonetheless still
    los las san santa fort port puerto
    jazeera herald gazette tribune telegraph guardian observer express mirror chronicle
    daily weekly associated survey brigade guards hi hey dear
    alabama alaska arizona arkansas california colorado connecticut delaware florida hawaii
    idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts
    michigan minnesota mississippi missouri montana nebraska nevada ohio oklahoma oregon
    pennsylvania tennessee texas utah vermont virginia wisconsin wyoming york hampshire
    carolina dakota columbia ontario quebec alberta manitoba saskatchewan queensland
    tasmania bavaria catalonia scotland wales england texas
    """
)

# Pronouns an attribution may use instead of a name.
PERSON_PRONOUNS = frozenset({"he", "she"})
ORG_PRONOUNS = frozenset({"it"})

# Nouns that refer back to the last person quoted ("the ambassador said").
ROLE_NOUNS = _words(
    """
    ambassador minister president envoy diplomat official spokesman spokeswoman
    spokesperson chairman chairwoman governor mayor senator premier chancellor secretary
    director chief leader commander general diplomat lawmaker prosecutor
    archbishop bishop cardinal pope imam rabbi pastor judge justice king queen prince princess
    emperor sultan emir sheriff coroner commissioner ceo founder coach manager professor
    researcher scientist economist analyst author actor actress singer lawyer attorney
    activist candidate nominee
    """
)

# Agencies and outlets that speak as organisations without an organisation head word.
# A town's authority named by its kind, in lower case before "of" ("the city of Calabasas").
CIVIC_HEADS = _words("city town municipality village borough")

# What a news outlet is, written after its name ("the Business Day newspaper").
OUTLET_KINDS = _words(
    "newspaper daily weekly magazine tabloid broadcaster website newsletter journal"
)

# Platforms the name lists above keep from being people, which speak as companies
# ("Twitter said it would label the tweets").
PLATFORMS = _words("twitter facebook google youtube instagram")

AGENCIES = _words(
    """
    reuters ap afp tass irna xinhua interfax anadolu armenpress apa trend efe ansa dpa upi
    bbc cnn ria isna mehr tasnim fars
    """
)

# Name particles that stay lower case inside a person's name.
PARTICLES = _words("von van der den de da di du la le del della dela dos das bin ibn al el")

# Section names a site may glue to the end of a headline ("...South CaucasusPolitics").
SECTIONS = (
    "Politics",
    "Economy",
    "World",
    "Society",
    "Business",
    "Region",
    "Analytics",
    "Analysis",
    "Sport",
    "Sports",
    "Culture",
    "Opinion",
    "Science",
    "Technology",
    "Tech",
    "Health",
    "Military",
    "Defense",
    "Energy",
    "Interview",
    "Incidents",
    "Official",
    "Lifestyle",
    "Entertainment",
    "Finance",
    "Tourism",
    "Education",
    "Environment",
    "Diplomacy",
    "Security",
)

# Attribution verbs, in the forms the statement patterns accept.
SAY_VERBS = (
    "said",
    "says",
    "stated",
    "states",
    "noted",
    "notes",
    "emphasised",
    "emphasized",
    "underscored",
    "underlined",
    "confirmed",
    "warned",
    "proposed",
    "suggested",
    "added",
    "adds",
    "reaffirmed",
    "pointed out",
    "reiterated",
    "highlighted",
    "stressed",
    "told",
    "tells",
    "announced",
    "explained",
    "argued",
    "claimed",
    "insisted",
    "declared",
    "asserted",
    "acknowledged",
    "admitted",
    "replied",
    "commented",
    "remarked",
)

# Words allowed between a speaker and the verb ("Kopyrkin has also warned").
AUX_WORDS = _words(
    """
    also has have had further repeatedly again then later previously earlier recently once
    publicly reportedly already separately additionally however meanwhile subsequently
    today yesterday firmly strongly clearly explicitly long often always still since
    first frequently consistently
    """
)


# Upper-case letters of the Latin, Greek and Cyrillic blocks, for name patterns.
UPPER = "".join(c for c in map(chr, range(0x41, 0x530)) if c.isupper())
UPPER_CLASS = "[" + re.escape(UPPER) + "]"

# Capitalised function words that open sentences, stripped from the front of names.
FUNCTION_WORDS = _words(
    """
    the a an according on in at as for from by with while when where after before during
    under since separately meanwhile however both and but regarding following citing
    """
)


# Adjectives of rank before a body's people, no part of its name ("Senior Reagan
# Administration officials").
RANK_WORDS = frozenset({"senior", "top", "former", "junior", "high-ranking"})

_NOT_JOBS = frozenset({"other", "another", "together", "whether", "either", "neither", "never"})


def is_job(word: str) -> bool:
    """'rapper', 'archbishop': a noun naming what someone does, not 'other' or 'after'."""
    agent = word.endswith(("er", "or", "ist", "ian")) and len(word) > 4
    return word in ROLE_NOUNS or (agent and word not in FUNCTION_WORDS | _NOT_JOBS)
