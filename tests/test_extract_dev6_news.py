"""News-language mechanisms met on real news (dev6), each on a sentence of our own:
envoys posted to another body, witnesses to a meeting, those also at a meeting told
before, reinforcements sent to help, an attack's target hung on its attacker."""

from __future__ import annotations

import pytest

from tests.test_extract_news import edges

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "edge"),
    [
        # "ambassador to X": X is where the office is held, the owner is read further left
        (
            "Kenyan envoy to the African Union Joseph Mwangi said talks would resume.",
            ("x-joseph-mwangi", "member_of", "kenya"),
        ),
        (
            "Speaking on Friday, Ghanaian ambassador to the United Nations Harold Agyeman "
            "rejected the report.",
            ("x-harold-agyeman", "member_of", "ghana"),
        ),
        # whoever is present at a meeting meets its parties, wherever the phrase hangs
        (
            "Kenyan President William Ruto and Ugandan President Yoweri Museveni, in the "
            "presence of Chinese Premier Li Qiang, signed a trade accord.",
            ("li-qiang", "meets_with", "yoweri-museveni"),
        ),
        (
            "Hakan Fidan held talks with Badr Abdelatty in the presence of Qatari Prime "
            "Minister Mohammed bin Abdulrahman Al Thani.",
            ("mohammed-bin-abdulrahman", "meets_with", "hakan-fidan"),
        ),
        # those at a meeting already told meet its parties of the other side
        (
            "Erdogan met Zelensky in Ankara on Tuesday.\n\n"
            "Hakan Fidan and Andrii Sybiha were also at the meeting.",
            ("hakan-fidan", "meets_with", "volodymyr-zelensky"),
        ),
        (
            "Erdogan met Zelensky in Ankara on Tuesday.\n\n"
            "Hakan Fidan and Andrii Sybiha were also at the meeting.",
            ("andrii-sybiha", "meets_with", "recep-tayyip-erdogan"),
        ),
        # a state's reinforcements are the state: sent to help, it backs
        (
            "Chadian reinforcements arrived to help the Nigerien army.",
            ("chad", "backs", "niger"),
        ),
        (
            "Rwandan reinforcements crossed into Congo to support the M23 rebels.",
            ("rwanda", "backs", "m23"),
        ),
        # "an attack by X on Y": the parser hangs "on Y" on the attacker
        (
            "Twelve soldiers died in an attack by al-Shabaab fighters on Kenyan troops.",
            ("al-shabaab", "opposes", "kenya"),
        ),
    ],
)
def test_edge_found(text: str, edge: tuple[str, str, str]) -> None:
    assert edge in edges(text)


@pytest.mark.parametrize(
    ("text", "edge"),
    [
        (
            "Ghanaian ambassador to the United Nations Harold Agyeman rejected the report.",
            ("x-harold-agyeman", "member_of", "united-nations"),
        ),
        # not one's own side
        (
            "Erdogan met Zelensky in Ankara on Tuesday.\n\n"
            "Hakan Fidan and Andrii Sybiha were also at the meeting.",
            ("hakan-fidan", "meets_with", "recep-tayyip-erdogan"),
        ),
        (
            "Erdogan met Zelensky in Ankara on Tuesday.\n\nHakan Fidan was not at the meeting.",
            ("hakan-fidan", "meets_with", "volodymyr-zelensky"),
        ),
        # troops arriving are no help by themselves
        (
            "Rwandan reinforcements crossed into Congo to support the M23 rebels.",
            ("rwanda", "backs", "drc"),
        ),
        # present at a deed that is no meeting
        (
            "The Houthis executed the prisoners in the presence of Iranian officials.",
            ("houthis", "meets_with", "iran"),
        ),
    ],
)
def test_edge_not_found(text: str, edge: tuple[str, str, str]) -> None:
    assert edge not in edges(text)
