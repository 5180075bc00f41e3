#!/usr/bin/env python3
"""Generate a synthetic corpus of war-reporting articles for benchmarks.

The articles follow the tracker's article format (shared/spec/claims.md): a
`Key: value` header (Title, Outlet, URL, Published), a blank line, then the
body. Bodies are composed from templates written for this benchmark: figure
sentences with many claimants, metrics, qualifiers, number forms and date
expressions, mixed with numberless filler, distractor numbers (trucks,
percentages, ages, money, dates, resolutions), subsets, lists, captions,
bylines and trailers, 200 to 1500 words an article.

The output depends only on --seed (and on the article count reached): article
i is built from its own random stream, so the first N articles are the same
whatever --megabytes or --articles says.

Examples:
    python3 bench/generate_corpus.py --out /tmp/corpus --megabytes 200
    python3 bench/generate_corpus.py --out /tmp/corpus --articles 500 --seed 7
    python3 bench/generate_corpus.py --out /tmp/one --megabytes 5 --single-file

--single-file writes everything as ONE article (one header, all bodies
concatenated). It is meant for probing how the extractor scales with the size
of a single article, not for throughput figures: real articles are small, and
one huge body is neither representative nor fair to an extractor that holds
one article in memory at a time.
"""

from __future__ import annotations

import argparse
import math
import datetime as dt
import os
import random
import sys

# --------------------------------------------------------------------------
# Vocabulary
# --------------------------------------------------------------------------

OUTLETS = [
    "Harbour Gazette", "Northline Wire", "Lantern Daily", "Cedar Street Journal",
    "Atlas Dispatch", "Riverbend Herald", "Compass News Service", "Saltmarsh Tribune",
    "Morning Ledger", "Frontline Bulletin", "Open Skies Report", "Granite Observer",
    "Eastern Standard", "Waypoint Press", "Bluewater Times", "Kestrel Media",
]

REPORTER_FIRST = [
    "Amira", "Daniel", "Olena", "Samir", "Ruth", "Kwame", "Ingrid", "Tariq", "Maya",
    "Jonas", "Leila", "Pavel", "Nadia", "Owen", "Farah", "Yusuf", "Clara", "Hiroshi",
    "Esther", "Mateo", "Rania", "Bogdan", "Sofia", "Idris", "Helen", "Ravi",
]
REPORTER_LAST = [
    "Haddad", "Kowalczyk", "Mensah", "Lindqvist", "Barakat", "Okafor", "Petrenko",
    "Shapiro", "Nakamura", "Castillo", "Rahimi", "Doyle", "Ferreira", "Adeyemi",
    "Novak", "Sato", "Al-Masri", "Brennan", "Kuznetsova", "Quintero", "Obi", "Weiss",
]

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
MONTHS_AP = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.",
             "Oct.", "Nov.", "Dec."]

SMALL_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
               "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen",
               "sixteen", "seventeen", "eighteen", "nineteen"]
TENS_WORDS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
              "eighty", "ninety"]

# Each theatre: where, who counts, who is counted, and what happened.
# Claimants: (name as written, short back-reference, kind) where kind picks a
# spokesperson title.
THEATRES = {
    "gaza": {
        "dateline": ["GAZA", "JERUSALEM", "TEL AVIV", "CAIRO", "DOHA", "KHAN YOUNIS",
                     "RAFAH", "DEIR AL-BALAH"],
        "places": ["Gaza City", "Khan Younis", "Rafah", "Deir al-Balah", "Jabalia",
                   "Nuseirat", "Beit Lahia", "al-Mawasi", "Beit Hanoun", "Bureij"],
        "claimants": [
            ("the Gaza Health Ministry", "the ministry", "ministry"),
            ("Gaza's Health Ministry", "the ministry", "ministry"),
            ("the Hamas-run health ministry", "the ministry", "ministry"),
            ("the Israel Defense Forces", "the military", "military"),
            ("the Israeli military", "the army", "military"),
            ("Hamas", "the group", "group"),
            ("Hamas's armed wing", "the group", "group"),
            ("UNRWA", "the agency", "agency"),
            ("the UN agency for Palestinian refugees", "the agency", "agency"),
            ("OCHA", "the office", "agency"),
            ("the UN humanitarian office", "the office", "agency"),
            ("the Gaza Government Media Office", "the office", "office"),
            ("the Palestinian Red Crescent", "the society", "agency"),
            ("Gaza's civil defence agency", "the agency", "agency"),
            ("the Hostages and Missing Families Forum", "the forum", "group"),
            ("the Israeli Prime Minister's Office", "the office", "office"),
            ("the Palestinian Prisoners' Society", "the society", "group"),
            ("the Israel Prison Service", "the service", "office"),
            ("the World Health Organization", "the agency", "agency"),
            ("UNICEF", "the agency", "agency"),
        ],
        "populations": ["Palestinians", "Israelis", "children", "women", "civilians",
                        "soldiers", "aid workers", "journalists", "health workers",
                        "foreigners", "Thais", "Americans"],
        "cause": ["air strikes", "shelling", "the bombardment", "the ground offensive",
                  "strikes on shelters", "fighting around hospitals"],
        "since": ["since October 7", "since the war began", "since the start of the war",
                  "since Oct. 7, 2023", "since the ceasefire collapsed",
                  "since the truce ended"],
        "years": (2023, 2025),
    },
    "westbank": {
        "dateline": ["RAMALLAH", "JENIN", "NABLUS", "HEBRON", "JERUSALEM", "TULKARM"],
        "places": ["Jenin", "Nablus", "Tulkarm", "Hebron", "Tubas", "Qalqilya",
                   "the Nur Shams camp", "Bethlehem"],
        "claimants": [
            ("the Palestinian Health Ministry", "the ministry", "ministry"),
            ("the Palestinian Prisoners' Society", "the society", "group"),
            ("the Israeli army", "the army", "military"),
            ("the UN human rights office", "the office", "agency"),
            ("OCHA", "the office", "agency"),
            ("the Jenin governorate council", "the council", "office"),
            ("the Commission of Detainees' Affairs", "the commission", "office"),
        ],
        "populations": ["Palestinians", "children", "settlers", "police", "students",
                        "civilians", "fighters"],
        "cause": ["raids", "settler attacks", "drone strikes", "arrest sweeps",
                  "clashes"],
        "since": ["since October 7", "since January", "since the operation began",
                  "since the start of the year"],
        "years": (2023, 2025),
    },
    "ukraine": {
        "dateline": ["KYIV", "KHARKIV", "ODESA", "ZAPORIZHZHIA", "DNIPRO", "LVIV",
                     "KHERSON", "MOSCOW"],
        "places": ["Kharkiv", "Odesa", "Zaporizhzhia", "Dnipro", "Kherson", "Sumy",
                   "Pokrovsk", "Kramatorsk", "Chernihiv", "Mykolaiv", "Bucha"],
        "claimants": [
            ("Ukrainian officials", "they", "officials"),
            ("Ukraine's emergency service", "the service", "office"),
            ("the regional governor", "he", "person"),
            ("the Ukrainian military", "the military", "military"),
            ("Russia's Defence Ministry", "the ministry", "ministry"),
            ("the UN Human Rights Monitoring Mission in Ukraine", "the mission", "agency"),
            ("the UN human rights office", "the office", "agency"),
            ("the International Organization for Migration", "the IOM", "agency"),
            ("the UN refugee agency", "the agency", "agency"),
            ("Ukraine's human rights ombudsman", "he", "person"),
            ("the Kharkiv regional administration", "the administration", "office"),
            ("the Coordination Headquarters for the Treatment of Prisoners of War",
             "the headquarters", "office"),
        ],
        "populations": ["civilians", "children", "Ukrainians", "soldiers", "police",
                        "rescue workers", "Russians", "women"],
        "cause": ["a missile strike", "a drone attack", "overnight shelling",
                  "glide bombs", "a ballistic missile", "artillery fire"],
        "since": ["since February 2022", "since the full-scale invasion began",
                  "since the invasion", "since the start of the war"],
        "years": (2022, 2025),
    },
    "sudan": {
        "dateline": ["KHARTOUM", "PORT SUDAN", "NAIROBI", "ADRE", "EL FASHER", "CAIRO"],
        "places": ["El Fasher", "Omdurman", "Khartoum", "Wad Madani", "Sennar",
                   "El Geneina", "Nyala", "the Zamzam camp", "Kordofan"],
        "claimants": [
            ("Sudan's Health Ministry", "the ministry", "ministry"),
            ("the Sudanese Doctors Network", "the network", "group"),
            ("the International Organization for Migration", "the IOM", "agency"),
            ("the UN migration agency", "the agency", "agency"),
            ("OCHA", "the office", "agency"),
            ("the UN refugee agency", "the agency", "agency"),
            ("the Rapid Support Forces", "the RSF", "military"),
            ("the Sudanese army", "the army", "military"),
            ("the Darfur Bar Association", "the association", "group"),
            ("the El Fasher resistance committee", "the committee", "group"),
            ("Médecins Sans Frontières", "the charity", "agency"),
            ("the World Food Programme", "the agency", "agency"),
        ],
        "populations": ["civilians", "children", "Sudanese", "women", "aid workers",
                        "health workers", "refugees"],
        "cause": ["shelling", "drone strikes", "attacks on the camp",
                  "fighting between the army and the RSF", "raids on villages"],
        "since": ["since April 2023", "since the war began", "since fighting erupted",
                  "since the siege began"],
        "years": (2023, 2025),
    },
    "invented": {
        "dateline": ["MERAVO", "PORT ILLARA", "KESSARO", "TAVRINA", "OSSENDE"],
        "places": ["Kessaro province", "the Ulmen valley", "Tavrina", "Ossende",
                   "the Bakri district", "Lower Sanvo", "the Meravo hills",
                   "Port Illara", "the Dunmere camp"],
        "claimants": [
            ("the Kessaro provincial health directorate", "the directorate", "office"),
            ("the Tavrina Civil Protection Authority", "the authority", "office"),
            ("the Ossende Relief Council", "the council", "group"),
            ("the National Liberation Front of Meravo", "the front", "group"),
            ("the Meravo interior ministry", "the ministry", "ministry"),
            ("the Lower Sanvo monitoring group", "the group", "group"),
            ("the Ulmen Valley Red Crescent", "the society", "agency"),
            ("the International Organization for Migration", "the IOM", "agency"),
            ("OCHA", "the office", "agency"),
            ("the regional police command", "the police", "office"),
        ],
        "populations": ["civilians", "children", "miners", "farmers", "students",
                        "soldiers", "police", "pilgrims", "foreigners", "women"],
        "cause": ["the militia attack", "the flooding of the mine", "the bombing",
                  "the raid on the market", "clashes between rival factions"],
        "since": ["since the uprising began", "since March", "since the coup",
                  "since the blockade started"],
        "years": (2022, 2025),
    },
}

SPOKES_TITLE = {
    "ministry": ["ministry spokesman", "ministry spokeswoman", "a ministry official",
                 "the ministry's director-general"],
    "military": ["military spokesman", "army spokeswoman", "a military official",
                 "chief military spokesman"],
    "group": ["a spokesman for the group", "a senior official of the group",
              "the group's spokeswoman"],
    "agency": ["agency spokeswoman", "the agency's regional director",
               "a spokesman for the agency", "its emergency coordinator"],
    "office": ["a spokesman for the office", "its director", "an official of the office"],
    "officials": ["a senior official", "a local official", "the deputy mayor"],
    "person": ["the governor", "a regional official", "the ombudsman"],
}

PERSON_FIRST = ["Ahmad", "Yael", "Oleksandr", "Mariam", "Hussein", "Tamar", "Serhiy",
                "Fatima", "Ibrahim", "Noa", "Ihor", "Amal", "Khalid", "Ruth", "Viktor",
                "Huda", "Elias", "Iryna", "Mohammed", "Shira", "Abdelrahman", "Lina"]
PERSON_LAST = ["al-Khatib", "Ben-David", "Shevchenko", "Osman", "Levi", "Bondarenko",
               "Abu Zaid", "Mizrahi", "Kravets", "el-Tayeb", "Darwish", "Hrytsenko",
               "Nasser", "Peretz", "Yousif", "Marchenko", "Saleh", "Tkachenko"]

# Metric clauses: {n} is the (qualified) number, {pop} a people noun.
METRIC_PASSIVE = {
    "killed": ["{n} {pop} had been killed", "{n} {pop} were killed", "{n} {pop} have died",
               "{n} {pop} lost their lives", "{n} {pop} were confirmed dead",
               "{n} {pop} had died"],
    "injured": ["{n} {pop} were wounded", "{n} {pop} had been injured",
                "{n} {pop} were hurt", "{n} {pop} needed treatment for their wounds"],
    "missing": ["{n} {pop} remain missing", "{n} {pop} are unaccounted for",
                "{n} {pop} are still missing under the rubble"],
    "hostages_taken": ["{n} {pop} were abducted", "{n} {pop} were taken captive",
                       "{n} {pop} had been kidnapped", "{n} {pop} were seized"],
    "hostages_held": ["{n} hostages are still held", "{n} captives remain in captivity",
                      "{n} {pop} are being held", "{n} {pop} remain captive"],
    "hostages_released": ["{n} hostages were released", "{n} captives had been freed",
                          "{n} {pop} were handed over", "{n} {pop} have been released"],
    "detained": ["{n} {pop} had been arrested", "{n} {pop} were detained",
                 "{n} {pop} are held in jails", "{n} {pop} are now in detention"],
    "prisoners_released": ["{n} prisoners were released", "{n} detainees were freed",
                           "{n} prisoners of war were exchanged",
                           "{n} prisoners had been set free"],
    "casualties": ["{n} {pop} were killed or injured", "{n} {pop} were dead or wounded",
                   "casualties had reached {n}"],
    "displaced": ["{n} {pop} have been displaced", "{n} {pop} had fled their homes",
                  "{n} {pop} were forced from their homes", "{n} {pop} are now displaced"],
}

METRIC_NOUN = {
    "killed": ["deaths", "fatalities", "dead"],
    "injured": ["injuries", "wounded"],
    "missing": ["people missing"],
    "hostages_taken": ["abductions", "kidnappings"],
    "hostages_held": ["hostages in captivity", "captives still held"],
    "hostages_released": ["hostages freed", "captives released"],
    "detained": ["detainees", "arrests", "prisoners"],
    "prisoners_released": ["prisoners released", "detainees freed"],
    "casualties": ["casualties"],
    "displaced": ["displaced people", "people displaced"],
}

METRIC_VERB_ACTIVE = {  # "{claimant} ... {verb} {n} {pop}"
    "killed": ["had killed {n} {pop}", "killed {n} {pop}", "left {n} {pop} dead"],
    "injured": ["wounded {n} {pop}", "injured {n} {pop}"],
    "hostages_taken": ["abducted {n} {pop}", "seized {n} {pop}"],
    "hostages_held": ["still holds {n} hostages", "is holding {n} captives"],
    "hostages_released": ["freed {n} hostages", "released {n} captives",
                          "handed over {n} hostages"],
    "detained": ["arrested {n} {pop}", "detained {n} {pop}", "holds {n} prisoners"],
    "prisoners_released": ["released {n} prisoners", "freed {n} detainees"],
    "displaced": ["forced {n} {pop} from their homes", "displaced {n} {pop}"],
}

METRIC_WEIGHTS = {
    "killed": 30, "injured": 14, "missing": 5, "hostages_taken": 4, "hostages_held": 5,
    "hostages_released": 5, "detained": 7, "prisoners_released": 4, "casualties": 4,
    "displaced": 12,
}

METRIC_MAGNITUDE = {  # (low, high) typical ranges of the counts
    "killed": (3, 60000), "injured": (5, 120000), "missing": (2, 12000),
    "hostages_taken": (2, 260), "hostages_held": (2, 240), "hostages_released": (1, 120),
    "detained": (10, 12000), "prisoners_released": (5, 2000), "casualties": (10, 150000),
    "displaced": (500, 11000000),
}

FILLER = [
    "Aid groups have warned for weeks that the situation was close to collapse.",
    "The figures could not be independently verified.",
    "Neither side responded to requests for comment.",
    "Diplomats said talks on a ceasefire had stalled again over the sequencing of releases.",
    "Residents described nights of explosions and days spent queuing for water.",
    "The hospital's generators were running on the last of their fuel, doctors said.",
    "Mediators are expected to meet again later in the week.",
    "Satellite images reviewed by analysts showed whole neighbourhoods reduced to rubble.",
    "Families gathered outside the morgue, waiting for news of relatives.",
    "The statement did not distinguish between civilians and fighters.",
    "Officials cautioned that the toll was likely to rise as rescue teams reached collapsed buildings.",
    "Access for journalists remains tightly restricted, making independent reporting difficult.",
    "Human rights groups called for an independent investigation.",
    "The government denied targeting civilian areas and blamed its opponents for the bloodshed.",
    "Convoys carrying food and medicine were turned back at the crossing, the agency said.",
    "Power and internet were cut across much of the area for a third straight day.",
    "Foreign ministers meeting in Brussels urged both sides to protect civilians.",
    "Schools used as shelters are now far beyond capacity.",
    "Many of those who fled had already been uprooted more than once.",
    "Local doctors said they were operating without anaesthetic.",
    "It was not immediately clear who was behind the attack.",
    "The army said it was reviewing the incident.",
    "Rescue workers dug through the night with their bare hands.",
    "Relief officials say the rainy season will make roads impassable within weeks.",
    "The health system has all but collapsed, according to aid workers on the ground.",
    "Critics accuse the authorities of inflating the figures, a charge they reject.",
    "The ministry's count has in past conflicts broadly matched later independent tallies.",
    "Protesters marched in several capitals over the weekend demanding an end to the fighting.",
    "A spokesperson for the Secretary-General said he was deeply alarmed by the reports.",
    "Funerals were held in the afternoon under the sound of drones.",
    "The border crossing reopened briefly before closing again without explanation.",
    "Negotiators are also discussing the return of displaced families to the north.",
    "Analysts said the offensive was unlikely to end soon.",
    "Shopkeepers said they had nothing left to sell.",
    "The mayor appealed for generators, tents and blankets.",
    "Witnesses said the strike hit a residential building shortly before dawn.",
    "The claim could not be confirmed.",
    "Emergency crews were still searching the site late into the evening.",
    "Parliament is due to debate the emergency budget next week.",
    "The agency has repeatedly said that nowhere in the area is safe.",
]

# Combinatorial filler: subject + predicate (+ optional tail), no numbers.
FILLER_SUBJECTS = [
    "Residents of {place}", "Aid workers in {place}", "Doctors at the main hospital",
    "Officials in {capital}", "Witnesses reached by telephone", "Local journalists",
    "Community leaders", "Relief agencies", "Engineers from the water utility",
    "Teachers at a shelter in {place}", "Volunteers with a neighbourhood kitchen",
    "Negotiators", "Western diplomats", "Several families we spoke to",
]
FILLER_PREDICATES = [
    "said the shelling had eased overnight but resumed {when_vague}",
    "described a desperate search for clean water",
    "warned that the outbreak of disease was only a matter of time",
    "said they had received no warning before the strike",
    "reported that the road to {place} had been cut",
    "spoke of shortages of fuel, flour and medicine",
    "said the evacuation order had caused panic",
    "called on the international community to act",
    "said the wounded were being treated on the floor",
    "complained that promised deliveries had not arrived",
    "said the talks had made progress {when_vague}",
    "said they feared for relatives who stayed behind",
]
FILLER_TAILS = [
    "", "", "", ", though conditions varied from one district to the next",
    ", a claim that could not be checked", " as winter approached",
    ", speaking on condition of anonymity", " despite repeated appeals",
    ", echoing warnings made by the UN", " in the face of mounting pressure at home",
]
CAPITALS = ["Geneva", "New York", "Brussels", "Washington", "Cairo", "Doha", "Ankara",
            "Nairobi", "Amman", "Warsaw"]

QUOTES = [
    "We are burying people faster than we can count them",
    "There is no safe place left for anyone here",
    "Every hour without a deal costs lives",
    "We have not slept in days",
    "Our teams are exhausted and our supplies are running out",
    "The world is watching and doing nothing",
    "We just want our children back",
    "This is a catastrophe on a scale we have not seen",
    "We will continue until every last one of them is home",
    "Nobody told us where to go",
]

TITLE_TEMPLATES = [
    "{Claimant} says {n} {metric_word}",
    "{Metric_word_cap} toll rises in {place}",
    "{n} {metric_word} in {place}, {claimant_short} says",
    "Fresh strikes hit {place} as talks stall",
    "Aid agencies warn of collapse in {place}",
    "What we know about the latest figures from {place}",
    "{place}: counting the cost",
    "Families wait for news after attack on {place}",
]

METRIC_TITLE_WORD = {
    "killed": "killed", "injured": "wounded", "missing": "missing",
    "hostages_taken": "abducted", "hostages_held": "still held",
    "hostages_released": "freed", "detained": "detained",
    "prisoners_released": "prisoners freed", "casualties": "casualties",
    "displaced": "displaced",
}

# --------------------------------------------------------------------------
# Number and date forms
# --------------------------------------------------------------------------


def words_for(n: int) -> str:
    if n < 20:
        return SMALL_WORDS[n]
    tens, units = divmod(n, 10)
    return TENS_WORDS[tens] + ("-" + SMALL_WORDS[units] if units else "")


def round_like_reporting(rng: random.Random, n: int) -> int:
    """Round big counts the way officials often do, sometimes."""
    if n >= 10000 and rng.random() < 0.4:
        step = 1000 if n < 200000 else 10000
        return max(step, (n // step) * step)
    if n >= 1000 and rng.random() < 0.3:
        return (n // 100) * 100
    return n


def format_number(rng: random.Random, n: int) -> str:
    if n < 100 and rng.random() < 0.35:
        return words_for(n)
    if n >= 1_000_000 and rng.random() < 0.8:
        millions = n / 1_000_000
        text = f"{millions:.1f}".rstrip("0").rstrip(".")
        return f"{text} million"
    if n >= 1000 and rng.random() < 0.08:
        return str(n)  # digits without separators
    return f"{n:,}"


def pick_count(rng: random.Random, metric: str) -> int:
    low, high = METRIC_MAGNITUDE[metric]
    # Log-uniform, so small and large counts both appear.

    value = int(math.exp(rng.uniform(math.log(low), math.log(high))))
    return round_like_reporting(rng, max(low, value))


def qualified(rng: random.Random, n: int) -> str:
    """A number with one of the spec's qualifier wordings."""
    r = rng.random()
    num = format_number(rng, n)
    if r < 0.35:
        return num
    if r < 0.52:
        return rng.choice(["about", "around", "approximately", "roughly", "some",
                           "an estimated"]) + " " + num
    if r < 0.74:
        return rng.choice(["more than", "over", "at least", "upwards of",
                           "in excess of"]) + " " + num
    if r < 0.88:
        return rng.choice(["up to", "as many as", "nearly", "almost", "close to",
                           "fewer than"]) + " " + num
    high = n + max(1, int(n * rng.uniform(0.05, 0.5)))
    high = round_like_reporting(rng, high)
    if high <= n:
        high = n + 1
    form = rng.random()
    if form < 0.45:
        return f"between {format_number(rng, n)} and {format_number(rng, high)}"
    if form < 0.85:
        return f"{format_number(rng, n)} to {format_number(rng, high)}"
    return f"{n:,}-{high:,}"


class Clock:
    """Date expressions relative to the publication date."""

    def __init__(self, rng: random.Random, published: dt.date):
        self.rng = rng
        self.published = published

    def statement_day(self) -> str:
        rng = self.rng
        r = rng.random()
        if r < 0.35:
            day = self.published - dt.timedelta(days=rng.randint(0, 6))
            return ("on " if rng.random() < 0.6 else "") + WEEKDAYS[day.weekday()]
        if r < 0.5:
            day = self.published - dt.timedelta(days=rng.randint(1, 40))
            if rng.random() < 0.5:
                return f"on {MONTHS_AP[day.month - 1]} {day.day}"
            if rng.random() < 0.5:
                return f"on {day.day} {MONTHS[day.month - 1]}"
            return f"on {WEEKDAYS[day.weekday()]}, {MONTHS[day.month - 1]} {day.day}"
        if r < 0.65:
            return rng.choice(["yesterday", "today", "last night", "this morning",
                               "earlier today"])
        return ""

    def vague_span(self) -> str:
        month = MONTHS[(self.published.month - 2) % 12]
        return self.rng.choice(["last week", "earlier this month", f"in {month}",
                                "over the weekend", "in recent days",
                                "the following day", "a day after the attack"])


# --------------------------------------------------------------------------
# Article composition
# --------------------------------------------------------------------------


class Writer:
    def __init__(self, rng: random.Random, index: int):
        self.rng = rng
        self.index = index
        self.theatre_name = rng.choices(list(THEATRES),
                                        weights=[40, 10, 25, 15, 10])[0]
        self.t = THEATRES[self.theatre_name]
        y0, y1 = self.t["years"]
        start = dt.date(y0, 1, 1)
        end = dt.date(y1, 12, 31)
        self.published = start + dt.timedelta(days=rng.randint(0, (end - start).days))
        self.clock = Clock(rng, self.published)
        self.outlet = rng.choice(OUTLETS)
        self.place = rng.choice(self.t["places"])
        self.last_claimant = None

    # -- pieces --------------------------------------------------------------

    def metric(self) -> str:
        return self.rng.choices(list(METRIC_WEIGHTS), weights=list(METRIC_WEIGHTS.values()))[0]

    def pop(self) -> str:
        rng = self.rng
        r = rng.random()
        if r < 0.5:
            return "people"
        if r < 0.85:
            return rng.choice(self.t["populations"])
        return rng.choice(["residents", "Palestinians and Israelis", "women and children",
                           "people, most of them civilians"])

    def claimant(self):
        c = self.rng.choice(self.t["claimants"])
        self.last_claimant = c
        return c

    def spokesperson(self, kind: str) -> str:
        rng = self.rng
        name = f"{rng.choice(PERSON_FIRST)} {rng.choice(PERSON_LAST)}"
        return f"{rng.choice(SPOKES_TITLE[kind])} {name}"

    def clause(self, metric: str, n_text: str) -> str:
        pop = self.pop()
        return self.rng.choice(METRIC_PASSIVE[metric]).format(n=n_text, pop=pop)

    def subset(self, n: int) -> str:
        rng = self.rng
        part = max(1, int(n * rng.uniform(0.05, 0.45)))
        who = rng.choice(["children", "women", "aid workers", "health workers",
                          "journalists", "soldiers", "foreigners", "police officers",
                          "UN staff"])
        form = rng.random()
        if form < 0.5:
            return f", including {format_number(rng, part)} {who}"
        if form < 0.8:
            return f", among them {format_number(rng, part)} {who}"
        return f". Of those, {format_number(rng, part)} were {who}"

    # -- sentences -----------------------------------------------------------

    def claim_sentence(self) -> str:
        rng = self.rng
        metric = self.metric()
        n = pick_count(rng, metric)
        nq = qualified(rng, n)
        name, short, kind = self.claimant()
        when = self.clock.statement_day()
        when_s = (" " + when) if when else ""
        form = rng.randrange(12)
        if form == 0:
            s = f"{cap(name)} said{when_s} that {self.clause(metric, nq)}"
        elif form == 1:
            s = f"{cap(self.clause(metric, nq))} {rng.choice(self.t['since'])}, according to {name}"
        elif form == 2:
            noun = rng.choice(METRIC_NOUN[metric])
            s = f"{cap(name)} reported {nq} {noun}{when_s}"
        elif form == 3:
            s = (f"{cap(self.spokesperson(kind))} told reporters{when_s} that "
                 f"{self.clause(metric, nq)}")
        elif form == 4 and metric in METRIC_VERB_ACTIVE:
            verb = rng.choice(METRIC_VERB_ACTIVE[metric]).format(n=nq, pop=self.pop())
            s = f"{cap(rng.choice(self.t['cause']))} {verb} in {self.place}{when_s}, {name} said"
        elif form == 5:
            s = f"In a statement{when_s}, {name} put the number at {nq}"
            s += " " + rng.choice(["dead", "wounded", "displaced", "detained", "missing"])
        elif form == 6:
            s = (f"{cap(self.clause(metric, nq))} in {self.place}{when_s}, "
                 f"{name} {rng.choice(['said', 'says', 'reported', 'estimated'])}")
        elif form == 7:
            # A list sharing one qualifier.
            m2 = rng.choice(["injured", "missing", "displaced"])
            n2 = pick_count(rng, m2)
            q = rng.choice(["at least ", "more than ", "", "about "])
            word = {"injured": "injured", "missing": "missing", "displaced": "displaced"}[m2]
            s = (f"{cap(name)} said{when_s} that {q}{format_number(rng, n)} people were "
                 f"killed, {format_number(rng, n2)} {word} and "
                 f"{format_number(rng, pick_count(rng, 'hostages_taken'))} abducted")
        elif form == 8:
            # A back-reference to the previous claimant.
            s = f"{cap(short)} added that {self.clause(metric, nq)}"
        elif form == 9:
            s = (f"The latest figures from {name} show {nq} "
                 f"{rng.choice(METRIC_NOUN[metric])} {rng.choice(self.t['since'])}")
        elif form == 10:
            s = (f"{cap(self.clause(metric, nq))}, {name} said{when_s}, "
                 f"{rng.choice(['citing hospital records', 'adding that the count was incomplete', 'in its daily update', 'without giving details'])}")
        else:
            s = (f"{cap(name)}'s {rng.choice(['tally', 'count', 'latest report'])} "
                 f"puts the number of {rng.choice(METRIC_NOUN[metric])} at {nq}")
        if rng.random() < 0.22 and metric in ("killed", "injured", "displaced", "detained"):
            s += self.subset(n)
        return s + "."

    def two_clause_sentence(self) -> str:
        rng = self.rng
        name, _, _ = self.claimant()
        a = qualified(rng, pick_count(rng, "killed"))
        b = qualified(rng, pick_count(rng, "injured"))
        when = self.clock.statement_day()
        return (f"According to {name}, {a} people were killed and {b} were injured"
                f"{(' ' + when) if when else ''}.")

    def distractor_sentence(self) -> str:
        rng = self.rng
        place = rng.choice(self.t["places"])
        form = rng.randrange(14)
        if form == 0:
            return (f"{rng.randint(12, 420)} aid trucks entered {place} "
                    f"{self.clock.statement_day() or 'on Tuesday'}, well short of the "
                    f"{rng.choice([300, 500, 600])} a day that agencies say are needed.")
        if form == 1:
            return (f"Food prices have risen by {rng.randint(20, 900)} percent since "
                    f"{rng.choice(MONTHS)}, the World Food Programme said.")
        if form == 2:
            age = rng.randint(3, 91)
            who = rng.choice(["grandmother", "father of four", "nurse", "student", "farmer",
                              "teacher", "boy", "girl"])
            return (f"Among the victims was a {age}-year-old {who} from {place}, "
                    f"relatives said.")
        if form == 3:
            return (f"Donors pledged ${rng.randint(2, 90)/10:.1f} billion for reconstruction "
                    f"at a conference in {rng.choice(['Geneva', 'Cairo', 'Paris', 'Amman', 'Berlin'])}.")
        if form == 4:
            return (f"The Security Council adopted Resolution {rng.randint(2600, 2790)} "
                    f"with {rng.randint(9, 15)} votes in favour.")
        if form == 5:
            return (f"Sirens sounded at {rng.randint(1, 12)}:{rng.randint(0, 59):02d} "
                    f"{rng.choice(['a.m.', 'p.m.'])} and the blasts followed minutes later.")
        if form == 6:
            return (f"The military said it struck {rng.randint(20, 450)} targets overnight "
                    f"and intercepted {rng.randint(3, 80)} rockets.")
        if form == 7:
            return (f"The corridor runs for about {rng.randint(4, 60)} kilometres along the "
                    f"{rng.choice(['coast', 'river', 'border', 'highway'])}.")
        if form == 8:
            return (f"The war is now in its {ordinal(rng.randint(20, 700))} day, and "
                    f"{rng.choice(['dozens', 'hundreds', 'scores', 'tens of thousands'])} "
                    f"of families are still sleeping in the open.")
        if form == 9:
            year = self.published.year - rng.randint(1, 40)
            return f"The camp was first set up in {year} to house people fleeing an earlier war."
        if form == 10:
            return (f"About {rng.randint(30, 95)}% of the population now depends on aid, "
                    f"and {rng.randint(2, 9)} out of 10 hospitals are out of service.")
        if form == 11:
            return (f"The agency says it needs ${rng.randint(50, 900)} million to cover the "
                    f"next {rng.randint(3, 12)} months.")
        if form == 12:
            return (f"Some {rng.randint(1500, 80000):,} households in {place} "
                    f"received food parcels last month.")
        return (f"{rng.randint(2, 40)} ambulances and {rng.randint(2, 15)} fire engines were "
                f"sent to the scene, along with {rng.randint(1, 9)} bulldozers.")

    def filler_sentence(self) -> str:
        rng = self.rng
        if rng.random() < 0.45:
            return rng.choice(FILLER)
        subject = rng.choice(FILLER_SUBJECTS).format(place=rng.choice(self.t["places"]),
                                                     capital=rng.choice(CAPITALS))
        pred = rng.choice(FILLER_PREDICATES).format(place=rng.choice(self.t["places"]),
                                                    when_vague=self.clock.vague_span())
        return f"{subject} {pred}{rng.choice(FILLER_TAILS)}."

    def quote_paragraph(self) -> str:
        rng = self.rng
        quote = rng.choice(QUOTES)
        who = f"{rng.choice(PERSON_FIRST)} {rng.choice(PERSON_LAST)}"
        role = rng.choice(["a doctor at a hospital in", "a resident of", "a nurse in",
                           "an aid worker in", "a shopkeeper from", "a volunteer in"])
        open_q, close_q = rng.choice([("\u201c", "\u201d"), ('"', '"')])
        return f"{open_q}{quote},{close_q} said {who}, {role} {rng.choice(self.t['places'])}."

    def list_block(self) -> str:
        rng = self.rng
        lines = [rng.choice(["By the numbers:", "Key figures", "The toll so far",
                             "What the figures say"])]
        for _ in range(rng.randint(3, 7)):
            metric = self.metric()
            n = pick_count(rng, metric)
            name, _, _ = self.claimant()
            head = f"{n:,}" if rng.random() < 0.7 else qualified(rng, n)
            desc = self.clause(metric, "").strip()
            lines.append(f"- {cap(head)}: {desc}, according to {name}")
        return "\n".join(lines)

    def caption(self) -> str:
        rng = self.rng
        return rng.choice([
            f"Photo: Residents search the rubble of a building in {self.place}. "
            f"({self.outlet}/{rng.choice(REPORTER_LAST)})",
            f"[Caption: Displaced families shelter in a school in {self.place}.]",
            f"PHOTO - Rescue workers carry a stretcher in {self.place} "
            f"{rng.choice(WEEKDAYS)}.",
        ])

    # -- whole article -------------------------------------------------------

    def paragraph(self) -> str:
        rng = self.rng
        sentences = []
        for _ in range(rng.randint(1, 4)):
            r = rng.random()
            if r < 0.38:
                sentences.append(self.claim_sentence())
            elif r < 0.45:
                sentences.append(self.two_clause_sentence())
            elif r < 0.62:
                sentences.append(self.distractor_sentence())
            else:
                sentences.append(self.filler_sentence())
        return " ".join(sentences)

    def article(self) -> str:
        rng = self.rng
        target_words = int(min(1500, max(200, rng.lognormvariate(6.3, 0.55))))
        paras = []
        if rng.random() < 0.7:
            if rng.random() < 0.5:
                paras.append(f"By {rng.choice(REPORTER_FIRST)} {rng.choice(REPORTER_LAST)}")
            else:
                paras.append(f"By {rng.choice(REPORTER_FIRST)} {rng.choice(REPORTER_LAST)} "
                             f"and {rng.choice(REPORTER_FIRST)} {rng.choice(REPORTER_LAST)}")
        lead = self.claim_sentence()
        dateline = rng.choice(self.t["dateline"])
        dash = rng.choice([" - ", " \u2014 ", " -- "])
        paras.append(f"{dateline} ({self.outlet}){dash}{lead} {self.filler_sentence()}")
        words = sum(len(p.split()) for p in paras)
        while words < target_words:
            r = rng.random()
            if r < 0.08:
                p = self.quote_paragraph()
            elif r < 0.12:
                p = self.list_block()
            elif r < 0.15:
                p = self.caption()
            else:
                p = self.paragraph()
            n = len(p.split())
            if words + n > 1500 and words >= 200:
                break
            paras.append(p)
            words += n
        trailer = rng.random()
        if trailer < 0.3:
            paras.append(f"Reporting by {rng.choice(REPORTER_FIRST)} {rng.choice(REPORTER_LAST)}; "
                         f"editing by {rng.choice(REPORTER_FIRST)} {rng.choice(REPORTER_LAST)}")
        elif trailer < 0.5:
            paras.append(f"Read more: {rng.choice(['Inside the talks', 'Life in the camps', 'The long road home', 'Counting the dead'])} "
                         f"in {self.place}")
        return "\n\n".join(paras) + "\n"

    def title(self) -> str:
        rng = self.rng
        metric = self.metric()
        name, _, _ = rng.choice(self.t["claimants"])
        short = name.replace("the ", "", 1)
        t = rng.choice(TITLE_TEMPLATES).format(
            Claimant=cap(short), claimant_short=short,
            n=format_number(rng, pick_count(rng, metric)),
            metric_word=METRIC_TITLE_WORD[metric],
            Metric_word_cap=cap(METRIC_TITLE_WORD[metric]), place=self.place)
        return t

    def document(self) -> tuple[str, str]:
        title = self.title()
        body = self.article()
        slug = slugify(title)[:60].strip("-")
        outlet_slug = slugify(self.outlet)
        url = (f"https://www.example.org/{outlet_slug}/{self.published:%Y/%m/%d}/"
               f"{slug}-{self.index}")
        header = (f"Title: {title}\nOutlet: {self.outlet}\nURL: {url}\n"
                  f"Published: {self.published.isoformat()}\n\n")
        return slug, header + body


def cap(s: str) -> str:
    return s[:1].upper() + s[1:] if s else s


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def slugify(s: str) -> str:
    out = []
    for ch in s.lower():
        if ch.isascii() and ch.isalnum():
            out.append(ch)
        elif out and out[-1] != "-":
            out.append("-")
    return "".join(out).strip("-") or "article"


def article_rng(seed: int, index: int) -> random.Random:
    return random.Random(f"{seed}:{index}")


# --------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", required=True, help="output directory (created if missing)")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    ap.add_argument("--articles", type=int, help="number of articles to write")
    ap.add_argument("--megabytes", type=float,
                    help="write articles until the total reaches this many MB (10^6 bytes)")
    ap.add_argument("--single-file", action="store_true",
                    help="write one article (corpus.txt) whose body is all bodies concatenated")
    args = ap.parse_args(argv)
    if args.articles is None and args.megabytes is None:
        ap.error("give --articles N or --megabytes M (or both: whichever comes first)")

    os.makedirs(args.out, exist_ok=True)
    limit_bytes = int(args.megabytes * 1_000_000) if args.megabytes is not None else None
    total = 0
    count = 0
    single = None
    if args.single_file:
        single = open(os.path.join(args.out, "corpus.txt"), "w", encoding="utf-8", newline="\n")
        header = ("Title: Synthetic corpus in one article\nOutlet: Benchmark Wire\n"
                  "URL: https://www.example.org/bench/corpus\nPublished: 2025-06-30\n\n")
        single.write(header)
        total += len(header.encode())
    width = 6
    while True:
        if args.articles is not None and count >= args.articles:
            break
        if limit_bytes is not None and total >= limit_bytes:
            break
        writer = Writer(article_rng(args.seed, count), count)
        slug, text = writer.document()
        if single is not None:
            body = text.split("\n\n", 1)[1]
            data = body + "\n"
            single.write(data)
        else:
            data = text
            name = f"{count:0{width}d}-{slug[:40].strip('-')}.txt"
            with open(os.path.join(args.out, name), "w", encoding="utf-8", newline="\n") as f:
                f.write(data)
        total += len(data.encode("utf-8"))
        count += 1
    if single is not None:
        single.close()
    print(f"articles: {count}")
    print(f"bytes: {total}")
    print(f"files: {1 if single is not None else count}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
