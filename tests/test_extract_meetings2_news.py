"""More of the ways news tells of a meeting, with the real spaCy pipeline, each on a sentence
of our own: calls by their verb, gatherings named by who attends, unnamed rulers, and the
parser's slips around a meeting's subject; and what must stay no meeting."""

from __future__ import annotations

import pytest
from test_extract_news import edges

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "edge"),
    [
        # a phone call told by its verb
        (
            "Putin called Erdogan on Tuesday to discuss the grain corridor.",
            ("recep-tayyip-erdogan", "meets_with", "vladimir-putin"),
        ),
        (
            "Biden called Netanyahu on Sunday, the White House said.",
            ("benjamin-netanyahu", "meets_with", "joe-biden"),
        ),
        (
            "Zelenskiy was called by Macron on Monday evening.",
            ("emmanuel-macron", "meets_with", "volodymyr-zelensky"),
        ),
        # a participle the parser hung on the name shares its subject
        (
            "Blinken, speaking after talks with Netanyahu, said a deal was within reach.",
            ("antony-blinken", "meets_with", "benjamin-netanyahu"),
        ),
        (
            "Following talks with Erdogan in Ankara, Zelenskiy said Turkey could host a summit.",
            ("recep-tayyip-erdogan", "meets_with", "volodymyr-zelensky"),
        ),
        # a declaration signed together, by three signers
        (
            "Rwanda, Congo and Qatar signed a declaration of principles in Doha.",
            ("drc", "meets_with", "qatar"),
        ),
        (
            "Armenia and Azerbaijan inked a peace deal in Washington.",
            ("armenia", "meets_with", "azerbaijan"),
        ),
        # who sends someone to a state for talks meets it
        ("Iran sent a delegation to Riyadh for talks.", ("iran", "meets_with", "saudi-arabia")),
        # a gathering's parties after "of", "among" or "involving"
        (
            "A summit of Russia, Iran and Turkey was held in Tehran.",
            ("iran", "meets_with", "turkey"),
        ),
        ("Qatar convened a meeting of Rwanda and Congo in Doha.", ("drc", "meets_with", "rwanda")),
        ("Talks among Russia, Iran and Turkey resumed.", ("russia", "meets_with", "turkey")),
        (
            "Talks involving Israel, Egypt and Qatar continued in Cairo.",
            ("israel", "meets_with", "qatar"),
        ),
        # those who attend one meeting meet one another
        (
            "The meeting, attended by Erdogan and Putin, lasted three hours.",
            ("recep-tayyip-erdogan", "meets_with", "vladimir-putin"),
        ),
        # plural offices stand for their states
        (
            "The presidents of Russia and China met in Moscow.",
            ("china", "meets_with", "russia"),
        ),
        (
            "Mediators from Qatar and Egypt met Hamas leaders in Doha.",
            ("hamas", "meets_with", "qatar"),
        ),
        # a visit wrapped up is a visit
        (
            "Blinken wrapped up a visit to Israel on Thursday.",
            ("antony-blinken", "meets_with", "israel"),
        ),
        # an unnamed ruler of a state the text names no one of acts for it
        ("Egypt's president met Jordan's king in Amman.", ("egypt", "meets_with", "jordan")),
        ("Qatar's emir met Hamas leaders in Doha.", ("hamas", "meets_with", "qatar")),
        # ... and "Egypt's president" is the one the text titled so
        (
            "Egyptian President Abdel Fattah al-Sisi warned of escalation. Egypt's president "
            "later met Jordan's king.",
            ("abdel-fattah-el-sisi", "meets_with", "jordan"),
        ),
        # the parser's slips around a meeting's subject
        (
            "Israel and Hamas resumed talks. Qatar, which hosts the group's political bureau, "
            "and Egypt have mediated between the two sides for many months.",
            ("hamas", "meets_with", "qatar"),
        ),
        (
            "The African Union, whose Commission chairperson Moussa Faki Mahamat visited "
            "Khartoum last week and met Burhan, has urged a truce.",
            ("abdel-fattah-al-burhan", "meets_with", "moussa-faki-mahamat"),
        ),
        # a last name alone, after the full name, is that person; "Ms" is no part of a name
        (
            "AU Commission chairperson Mahmoud Ali Youssouf arrived in Juba on Sunday. "
            "Youssouf met Kiir on Monday.",
            ("mahmoud-ali-youssouf", "meets_with", "salva-kiir"),
        ),
        (
            "Kenyan envoy Amina Mohamed arrived in Juba on Sunday. Ms Mohamed met Kiir on Monday.",
            ("salva-kiir", "meets_with", "x-amina-mohamed"),
        ),
        # talks suspended had been held
        (
            "Talks between Israel and Hamas were suspended after the strike.",
            ("hamas", "meets_with", "israel"),
        ),
        # a headline's comma stands for "and"
        ("Iran, US hold talks in Oman", ("iran", "meets_with", "united-states")),
        ("Russia, Ukraine hold talks in Istanbul", ("russia", "meets_with", "ukraine")),
        # discussions, videoconferences and consultations are meetings
        (
            "Erdogan held discussions with Putin in Sochi on Friday.",
            ("recep-tayyip-erdogan", "meets_with", "vladimir-putin"),
        ),
        ("The discussions between Israel and Hamas stalled.", ("hamas", "meets_with", "israel")),
        (
            "Macron held a videoconference with Zelenskiy on Monday.",
            ("emmanuel-macron", "meets_with", "volodymyr-zelensky"),
        ),
        (
            "Blinken consulted with Saudi Arabia on the ceasefire plan.",
            ("antony-blinken", "meets_with", "saudi-arabia"),
        ),
        # chatting and huddling with someone is meeting him
        (
            "Erdogan chatted with Putin on the sidelines of the summit.",
            ("recep-tayyip-erdogan", "meets_with", "vladimir-putin"),
        ),
        (
            "Macron huddled with Scholz and Starmer in Paris.",
            ("emmanuel-macron", "meets_with", "keir-starmer"),
        ),
    ],
)
def test_meetings2_in_news_draw_the_edge(text: str, edge: tuple[str, str, str]) -> None:
    assert edge in edges(text)


@pytest.mark.parametrize(
    ("text", "edge"),
    [
        # naming is no call, nor is calling for talks or calling on someone
        (
            "Trump called Zelenskiy a dictator.",
            ("donald-trump", "meets_with", "volodymyr-zelensky"),
        ),
        (
            "Erdogan called Hamas a liberation movement.",
            ("hamas", "meets_with", "recep-tayyip-erdogan"),
        ),
        (
            "Putin called Zelenskiy's government illegitimate.",
            ("ukraine", "meets_with", "vladimir-putin"),
        ),
        ("Iran called on Hezbollah to show restraint.", ("hezbollah", "meets_with", "iran")),
        (
            "Zelenskiy called for talks with Putin.",
            ("vladimir-putin", "meets_with", "volodymyr-zelensky"),
        ),
        # refusals, denials and what did not happen
        (
            "Biden has not called Netanyahu since the vote.",
            ("benjamin-netanyahu", "meets_with", "joe-biden"),
        ),
        (
            "Putin refused to meet Zelenskiy.",
            ("vladimir-putin", "meets_with", "volodymyr-zelensky"),
        ),
        ("Macron cancelled his visit to Algeria.", ("algeria", "meets_with", "emmanuel-macron")),
        (
            "Iran denied holding talks with the United States.",
            ("iran", "meets_with", "united-states"),
        ),
        # a letter received is no visit
        (
            "Zelenskiy received a letter from Erdogan.",
            ("recep-tayyip-erdogan", "meets_with", "volodymyr-zelensky"),
        ),
        # one body's own session, or consent, names no meeting between two
        (
            "At a meeting of the Arab League, Egypt condemned Israel.",
            ("arab-league", "meets_with", "egypt"),
        ),
        (
            "With the agreement of Russia and Iran, Turkey launched an offensive.",
            ("iran", "meets_with", "russia"),
        ),
        # a declaration of war is no deal
        (
            "Russia's declaration of war on Ukraine shocked Europe.",
            ("russia", "meets_with", "ukraine"),
        ),
        # sending troops is not sending envoys
        ("Russia sent troops to Syria in 2015.", ("russia", "meets_with", "syria")),
        # whom one discusses a war with is met, not fought
        (
            "The Saudi foreign minister discussed the Gaza war with Blinken in Riyadh.",
            ("antony-blinken", "opposes", "saudi-arabia"),
        ),
        # mediators who host something do not meet each other, nor does the body whose
        # officer met someone
        (
            "Colombia and the ELN held talks in Havana. Norway, which hosts a peace institute, "
            "and Cuba have mediated between the two sides for more than two years.",
            ("cuba", "meets_with", "norway"),
        ),
        (
            "The African Union, whose Commission chairperson Moussa Faki Mahamat visited "
            "Khartoum last week and met Burhan, has urged a truce.",
            ("african-union", "meets_with", "abdel-fattah-al-burhan"),
        ),
        # a last name two people share names neither
        (
            "Kenyan envoy Amina Mohamed and Egyptian envoy Ahmed Mohamed arrived in Juba on "
            "Sunday. Mohamed met Kiir on Monday.",
            ("salva-kiir", "meets_with", "x-amina-mohamed"),
        ),
        # welcoming a plan, a proposal or a bid is no visit
        ("Russia welcomed Trump's peace plan.", ("donald-trump", "meets_with", "russia")),
        ("Egypt welcomed Hamas's proposal for a truce.", ("egypt", "meets_with", "hamas")),
        (
            "The EU welcomed Ukraine's bid for membership.",
            ("european-union", "meets_with", "ukraine"),
        ),
        # an appeal for a meeting is no call; a hope or a readiness to meet is no meeting
        (
            "Hamas welcomed Egypt's call for a meeting with Israel.",
            ("egypt", "meets_with", "hamas"),
        ),
        ("Macron hopes to meet Putin soon.", ("emmanuel-macron", "meets_with", "vladimir-putin")),
        (
            "Zelenskiy is willing to meet Putin.",
            ("vladimir-putin", "meets_with", "volodymyr-zelensky"),
        ),
        # a meeting called off did not happen
        (
            "The summit between Putin and Trump in Budapest was called off.",
            ("donald-trump", "meets_with", "vladimir-putin"),
        ),
        ("Talks between Israel and Hamas were postponed.", ("hamas", "meets_with", "israel")),
        # in running text, a name set off by commas describes the one before it
        (
            "Hezbollah, Iran's closest ally, held talks with Berri.",
            ("hezbollah", "meets_with", "iran"),
        ),
        # a minister the text has named by his name alone is not read as his state
        (
            "Lavrov warned the West. The Russian foreign minister later met Wang Yi.",
            ("russia", "meets_with", "wang-yi"),
        ),
    ],
)
def test_meetings2_in_news_keep_the_wrong_edge_out(text: str, edge: tuple[str, str, str]) -> None:
    assert edge not in edges(text)
