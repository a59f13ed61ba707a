"""Word lists for attributing speech: verbs, follow-up nouns, adverbials, US states."""

from __future__ import annotations

from .lexicon import SAY_VERBS, _words

# Attribution verbs on top of lexicon.SAY_VERBS ("promised" only counts before "that").
SPEECH_VERBS = SAY_VERBS + (
    "say",
    "denied",
    "denies",
    "urged",
    "urges",
    "called on",
    "calls on",
    "called for",
    "alleged",
    "alleges",
    "wrote",
    "writes",
    "tweeted",
    "posted",
    "responded",
    "recalled",
    "predicted",
    "vowed",
    "pledged",
    "continued",
    "observed",
    "cautioned",
    "cautions",
    "admits",
    "acknowledges",
    "concedes",
    "conceded",
    "maintained",
    "contended",
    "concluded",
    "revealed",
    "disclosed",
    "reported",
    "indicated",
    "estimated",
    "testified",
    "answered",
    "agreed",
    "disagreed",
    "disagrees",
    "complained",
    "speculated",
    "mentioned",
    "told reporters",
    "reports",
    "read",
    "reacted",
    "called it",
    "spoke with",
    "spoke to",
    "asked",
    "praised",
    "condemned",
    "accused",
    "criticised",
    "criticized",
    "slammed",
    "blasted",
    "lambasted",
    "rebuked",
    "predicts",
    "blamed",
    "welcomed",
    "demanded",
    "advised",
    "advises",
    "recommended",
    "recommends",
    "apologized",
    "apologised",
    "hailed",
    "threatened",
    "promised",
    "described",
    "describes",
    "ruled",
    "discussed",
    "discusses",
    "denounced",
    "expressed",
    "cited",
    "claims",
    "argues",
    "insists",
    "warns",
    "announces",
    "confirms",
    "explains",
    "released a statement",
    "issued a statement",
    "issued a press release",
    "released a press release",
    "issued a ruling",
    "issued an opinion",
    "issued a warning",
    "issued an advisory",
    "quipped",
    "joked",
    "exclaimed",
    "lamented",
    "boasted",
    "countered",
    "retorted",
    "recounted",
    "clarified",
    "affirmed",
    "opined",
    "assured",
    "assures",
    "reassured",
    "informed",
    "informs",
    "reminded",
    "reminds",
    "notified",
    "forecast",
    "forecasts",
    "projected",
    "hinted",
    "signalled",
    "signaled",
    "referred to",
    "refers to",
    "encouraged",
    "encourages",
    "warn",
    "insist",
    "dismissed",
    "voiced",
    "questioned",
    "repeated",
    "restated",
    "made clear",
    "made it clear",
)

# Participles that carry on a clause whose subject is the speaker ("X filed suit, saying ...").
PARTICIPLES = (
    "saying",
    "stating",
    "adding",
    "noting",
    "claiming",
    "warning",
    "explaining",
    "arguing",
    "insisting",
    "accusing",
    "urging",
    "telling",
    "asking",
    "calling",
    "describing",
    "announcing",
    "declaring",
    "confirming",
    "stressing",
    "suggesting",
)

# Verbs that attribute only when a "that"-clause or a quote follows.
WEAK_VERBS = _words(
    """
    reported indicated estimated agreed revealed disclosed mentioned posted continued
    concluded maintained observed answered testified proposed read reacted described describes
    ruled discussed discusses forecast forecasts projected hinted signalled signaled
    assured assures reassured informed informs reminded reminds notified
    dismissed questioned repeated restated
    """
) | {"called it", "referred to", "refers to"}

# Who speak for a body they name: "Biden campaign officials said".
SPOKES_MANY = frozenset(
    {"officials", "spokespeople", "spokesmen", "representatives", "co-chairs", "negotiators"}
)

# Verbs that name whom they address before what was said: "assured voters that …".
ADDRESSING_VERBS = _words(
    """
    told tells warned warns assured assures reassured informed informs reminded reminds
    notified repeated restated reiterated cautioned cautions advised advises
    """
)

# Last words of news outlets' names ("The Korea Herald", "Associated Press").
MEDIA_HEADS = _words(
    """
    herald gazette tribune times post news journal telegraph chronicle press broadcasting
    radio television tv magazine online daily wire guardian observer courier
    """
)

# Weak verbs that attribute on their own when an outlet is the subject
# ("Reuters reported the attack was the deadliest"): outlets report, people rarely do.
ORG_VERBS = _words("reported reports revealed disclosed")

# Verbs whose object alone is the statement ("X confirmed the deal", "Y claimed
# responsibility"): when the rest of the sentence is too short, the sentence is kept.
OBJECT_VERBS = _words(
    """
    confirmed denied acknowledged announced claimed admitted released issued
    condemned denounced criticised criticized slammed blasted lambasted rebuked urged warned
    praised welcomed hailed apologized apologised
    """
)

# Lower-case organisation nouns a follow-up may use ("the company said").
ORG_NOUNS = _words(
    """
    company firm ministry government department agency organisation organization group
    office council committee commission party embassy police army military court union
    authority authorities airline bank university institute board administration regulator
    club federation association foundation charity service campaign network broadcaster
    utility chain insurer lender carmaker automaker drugmaker miner exchange bourse
    """
)

# What an organisation publishes, standing for it: "the WHO's website said", "according to
# NDRRMC report", "according to its press release".
PUBLISHED_NOUNS = _words(
    "report website release announcement schedule data figures ruling statement warning"
    " advisory bulletin communique notice"
)

# Follow-up nouns that stand for a company-like organisation already named.
COMPANY_NOUNS = _words(
    """
    company firm group airline carrier retailer manufacturer bank network broadcaster
    utility chain insurer lender carmaker automaker drugmaker miner
    organisation organization agency body institution watchdog regulator charity
    """
)

# Nouns that never make a speaker on their own, even capitalised at a sentence start.
VAGUE_SUBJECTS = _words(
    """
    reports report sources source officials experts analysts critics witnesses residents
    observers media people many some others statement study studies survey data documents
    filings court records research paper researchers scientists authors
    """
)

# Adverbials that may stand between a speaker and the verb ("Smith on Tuesday said").
TIME_WORDS = _words(
    """
    monday tuesday wednesday thursday friday saturday sunday today yesterday tonight
    morning afternoon evening night week month year weekend earlier later
    """
)

# The US states, so "the governor of Alabama" gives the role's country.
US_STATES = frozenset(
    """
    Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida
    Hawaii Idaho Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland
    Massachusetts Michigan Minnesota Mississippi Missouri Montana Nebraska Nevada Ohio
    Oklahoma Oregon Pennsylvania Tennessee Texas Utah Vermont Virginia Washington
    Wisconsin Wyoming Hampshire Jersey Mexico York Carolina Dakota
    """.split()  # noqa: SIM905 - a word block reads better than a list of strings
)

# Interviewer tags in Wikinews interviews.
INTERVIEWER_TAGS = frozenset({"WN", "Wikinews"})
