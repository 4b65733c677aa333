"""Meetings with the real spaCy pipeline, each on a sentence of our own: who sits at the
table when the text names delegations, envoys, hosts, mediators or a call."""

from __future__ import annotations

import pytest
from test_extract_news import edges

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "edge"),
    [
        # envoys "for" a side speak for it; guests who arrive for talks meet one another
        (
            "Envoys for Hamas and Israeli negotiators arrived in Cairo for talks.",
            ("hamas", "meets_with", "israel"),
        ),
        (
            "An Egyptian delegation sat down with a Turkish team in Ankara.",
            ("egypt", "meets_with", "turkey"),
        ),
        # a gerund after a preposition of time shares the clause's subject
        (
            '"We made progress," Turkish Foreign Minister Hakan Fidan told reporters after '
            "meeting his Russian counterpart Sergei Lavrov.",
            ("hakan-fidan", "meets_with", "sergei-lavrov"),
        ),
        # the people named beside a description of the sides are who met
        (
            "Turkey and Greece have no formal ties, but their special envoys, Hakan Fidan "
            "and George Gerapetritis, met at the border last month.",
            ("hakan-fidan", "meets_with", "x-george-gerapetritis"),
        ),
        # delegations meet through those who lead them
        (
            "Delegations led by Indian Foreign Minister Subrahmanyam Jaishankar and his "
            "Chinese counterpart, Wang Yi, meet in Geneva.",
            ("subrahmanyam-jaishankar", "meets_with", "wang-yi"),
        ),
        # the host of a meeting meets those who held it
        (
            "Fidan and Lavrov signed a deal in March at a meeting in Ankara hosted by "
            "Turkish President Recep Tayyip Erdogan.",
            ("recep-tayyip-erdogan", "meets_with", "sergei-lavrov"),
        ),
        # whom one speaks to in a call is met
        (
            "Ethiopian Prime Minister Abiy Ahmed took a harder line, telling Isaias Afwerki "
            "in a phone call last week that the port was vital.",
            ("abiy-ahmed", "meets_with", "isaias-afwerki"),
        ),
        # sessions are meetings
        (
            "Ugandan President Yoweri Museveni held two sessions with the AU's special "
            "envoy, Raila Odinga.",
            ("yoweri-museveni", "meets_with", "x-raila-odinga"),
        ),
        # a go-between meets each side
        (
            "The U.S. envoy Mike Hammer has shuttled between Kinshasa and Kigali in recent weeks.",
            ("x-mike-hammer", "meets_with", "rwanda"),
        ),
        # counterparts who come to talks together meet each other too
        (
            "Kenya's Foreign Minister Musalia Mudavadi and his Ugandan counterpart Odongo "
            "Jeje held talks with U.S. envoy Mike Hammer.",
            ("x-musalia-mudavadi", "meets_with", "x-odongo-jeje"),
        ),
        # "both delegations": the parties of the meeting told last
        (
            "Indian Foreign Minister Subrahmanyam Jaishankar and Wang Yi meet in Geneva. "
            "Swiss President Karin Keller-Sutter meets both delegations.",
            ("x-karin-keller-sutter", "meets_with", "wang-yi"),
        ),
    ],
)
def test_meetings_draw_the_edge(text: str, edge: tuple[str, str, str]) -> None:
    assert edge in edges(text)


@pytest.mark.parametrize(
    ("text", "edge"),
    [
        # co-mediators of talks do not meet each other
        (
            "Indian and Chinese officials met in Geneva in talks mediated by Switzerland "
            "and Norway.",
            ("switzerland", "meets_with", "norway"),
        ),
        # envoys named beside "their": the states are not met by the other's envoy
        (
            "Turkey and Greece have no formal ties, but their special envoys, Hakan Fidan "
            "and George Gerapetritis, met at the border last month.",
            ("turkey", "meets_with", "x-george-gerapetritis"),
        ),
        # speaking to someone is no meeting without a call or meeting
        (
            "Putin told Erdogan that the deal would hold.",
            ("vladimir-putin", "meets_with", "recep-tayyip-erdogan"),
        ),
        # counterparts who criticise someone have not met
        (
            "Kenya's Foreign Minister Musalia Mudavadi and his Ugandan counterpart Odongo "
            "Jeje criticised U.S. envoy Mike Hammer.",
            ("x-musalia-mudavadi", "meets_with", "x-odongo-jeje"),
        ),
        # a named man comes to talks, not the body his description names
        (
            "Saddam Haftar, the commander's son and the LNA's deputy commander-in-chief, flew "
            "to Cairo on Tuesday for talks with Egyptian President Abdel Fattah al-Sisi.",
            ("abdel-fattah-el-sisi", "meets_with", "libyan-national-army"),
        ),
    ],
)
def test_meetings_keep_the_wrong_edge_out(text: str, edge: tuple[str, str, str]) -> None:
    assert edge not in edges(text)
