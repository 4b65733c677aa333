"""More war wording of real news, with the real spaCy pipeline, each on a text of our own:
deeds told in a relative clause on an attack, blows inflicted, expulsions "out of" a place,
nominal bombardments, coups, blame, legal action, threats,
advances, opposition to a bid and sides "at war"."""

from __future__ import annotations

import pytest
from test_extract_news import edges

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "edge"),
    [
        # a relative clause on an attack tells its deed, done by whoever carried it out
        (
            "Hezbollah carried out an attack that killed Israeli soldiers.",
            ("hezbollah", "opposes", "israel"),
        ),
        (
            "The Houthis led the offensive that toppled the Yemeni government in 2014.",
            ("houthis", "opposes", "yemeni-government"),
        ),
        (
            # (the parser hangs the clause on the date after the noun)
            "Israel's offensive in 2024, which killed Yahya Sinwar, devastated Gaza.",
            ("israel", "opposes", "yahya-sinwar"),
        ),
        # a blow inflicted falls on whom "on" or "to" names
        (
            "The Houthis inflicted heavy losses on Saudi forces near the border.",
            ("houthis", "opposes", "saudi-arabia"),
        ),
        ("M23 dealt a heavy blow to the Congolese army.", ("m23", "opposes", "drc")),
        # an expulsion "out of" a place, as with the particle ("forced out the governor")
        (
            "Ukrainian troops drove Russian forces out of the city of Kherson.",
            ("ukraine", "opposes", "russia"),
        ),
        # a bombardment's owner bombards whom "of" names
        ("Israel's shelling of Lebanon continued overnight.", ("israel", "opposes", "lebanon")),
        (
            "Russia's bombardment of Ukraine continued overnight.",
            ("russia", "opposes", "ukraine"),
        ),
        # a coup is an attack; so is "eliminating" someone
        (
            "The Rapid Support Forces mounted a coup against the Sudanese army.",
            ("rsf", "opposes", "saf"),
        ),
        (
            "The Israeli army said it had eliminated a senior Hamas commander.",
            ("israel", "opposes", "hamas"),
        ),
        # blame by another name, and legal action: charges, cases, warrants
        (
            "Egypt held Hamas responsible for the collapse of the truce.",
            ("egypt", "opposes", "hamas"),
        ),
        ("Ukraine charged Russia with war crimes.", ("ukraine", "opposes", "russia")),
        (
            "South Africa filed a case against Israel at the International Court of Justice.",
            ("south-africa", "opposes", "israel"),
        ),
        (
            "The International Criminal Court issued an arrest warrant for Vladimir Putin.",
            ("icc", "opposes", "vladimir-putin"),
        ),
        # fighting or opposing an event acts against whoever carries it out
        (
            "Kyiv opposes the Russian occupation of Crimea.",
            ("ukraine", "opposes", "russia"),
        ),
        (
            "The U.S. formed a task force to combat the Houthi threat in the Red Sea.",
            ("united-states", "opposes", "houthis"),
        ),
        # a threat is aimed at whom "to" or "against" names
        ("Hamas poses a threat to Israel.", ("hamas", "opposes", "israel")),
        ("Iran's threats against Israel have grown.", ("iran", "opposes", "israel")),
        # bombardment by other words
        ("The Houthis rained missiles on Israel.", ("houthis", "opposes", "israel")),
        (
            "Ukrainian forces hammered Russian positions near Bakhmut.",
            ("ukraine", "opposes", "russia"),
        ),
        # calling a group terrorist is a designation in words (the parser may read the
        # object and its name as a verbless clause)
        ("Turkey considers the YPG a terrorist organisation.", ("turkey", "opposes", "ypg")),
        ("Ankara regards the PKK as a terrorist group.", ("turkey", "opposes", "pkk")),
        # accusations traded go both ways
        (
            "Armenia and Azerbaijan traded accusations of ceasefire violations.",
            ("armenia", "opposes", "azerbaijan"),
        ),
        (
            "Russia and Ukraine traded blame for the attack on the dam.",
            ("ukraine", "opposes", "russia"),
        ),
        # sides fighting over a stake fight each other
        (
            "Armenia and Azerbaijan have fought over Nagorno-Karabakh for decades.",
            ("azerbaijan", "opposes", "armenia"),
        ),
        # an advance on a capital is an attack on its government
        (
            "Haftar's forces advanced on Tripoli in April 2019.",
            ("khalifa-haftar", "opposes", "gnu-libya"),
        ),
        # opposition to someone's bid is opposition to them
        (
            "Turkey's opposition to Sweden's membership delayed the expansion.",
            ("turkey", "opposes", "sweden"),
        ),
        # sides "at war" or "at odds" with no "with": each fights the other
        (
            "Israel and Hezbollah have been at war since October.",
            ("hezbollah", "opposes", "israel"),
        ),
        ("Ethiopia and Eritrea were at odds over the port.", ("ethiopia", "opposes", "eritrea")),
    ],
)
def test_war_wording_gives_the_edge(text: str, edge: tuple[str, str, str]) -> None:
    assert edge in edges(text)


@pytest.mark.parametrize(
    ("text", "edge"),
    [
        # a relative clause on a noun that is no attack says nothing of its owner
        ("Egypt's plan, which stopped the fighting, was welcomed by Hamas.", None),
        # driving "out of" a place with nobody driven out is no expulsion
        ("Ukrainian troops drove out of Kherson after Russia withdrew.", None),
        # "responsible" must qualify the one held, and a case "for" something is an argument
        ("Egypt held talks with Hamas officials responsible for the truce.", None),
        ("Qatar made the case for a ceasefire between Hamas and Israel.", None),
        # protesters are not the state their demonym names
        ("Israeli protests against Netanyahu grew over the weekend.", None),
        # one side alone "at war" names no enemy
        ("Israel has been at war since October.", None),
        # what one considers a group is no designation unless it brands it terrorist
        ("Turkey considers the YPG the backbone of the SDF.", None),
        # a charge of a task is no charge of a crime; a sponsor of talks is no terrorist
        ("President Joe Biden charged Antony Blinken with leading the talks.", None),
        ("Washington views Qatar as a sponsor of the talks.", None),
        # fighting "for" someone is fighting on one side
        ("Russia and Iran fought for Assad in Syria.", None),
        # a threat nobody is said to make
        ("Analysts said the threat to Israel was growing.", None),
    ],
)
def test_war_wording_without_an_edge(text: str, edge: None) -> None:
    assert not {e for e in edges(text) if e[1] == "opposes"}
