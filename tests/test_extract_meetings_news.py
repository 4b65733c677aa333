"""Meetings as news words them, with the real spaCy pipeline, each on a sentence of our own:
delegations and their heads, chairs and brokers, handshakes, convened meetings."""

from __future__ import annotations

import pytest
from test_extract_news import edges

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "edge"),
    [
        # the heads of two delegations that sat down together meet
        (
            "A Kenyan delegation led by President William Ruto sat down with a South "
            "Sudanese team headed by Salva Kiir.",
            ("william-ruto", "meets_with", "salva-kiir"),
        ),
        # whoever chairs the meeting meets the heads of the delegations told before
        (
            "An Algerian delegation led by Ahmed Attaf sat down with a Tunisian team headed "
            "by Kais Saied. Moroccan Foreign Minister Nasser Bourita chaired the meeting.",
            ("nasser-bourita", "meets_with", "ahmed-attaf"),
        ),
        # delegations named only by their heads are the bodies their titles name
        (
            "Delegations led by Algerian Foreign Minister Ahmed Attaf and his Moroccan "
            "counterpart Nasser Bourita met in Geneva.",
            ("algeria", "meets_with", "morocco"),
        ),
        # "for the TPLF" hung on the first noun speaks for the nearest one
        (
            "Ethiopian officials and negotiators for the TPLF arrived in Nairobi for talks.",
            ("ethiopia", "meets_with", "tplf"),
        ),
        # "between" hung on the verb after the meeting is the meeting's
        (
            "Kenya convened a meeting last month between Salva Kiir and his rival Riek Machar.",
            ("salva-kiir", "meets_with", "riek-machar"),
        ),
        # a handshake is a meeting, between the subjects or with the "with"
        (
            "Salva Kiir and Riek Machar were seen shaking hands in Juba.",
            ("salva-kiir", "meets_with", "riek-machar"),
        ),
        (
            "Kenyan President William Ruto shook hands with Salva Kiir on Monday.",
            ("william-ruto", "meets_with", "salva-kiir"),
        ),
        # ministers and chiefs sit at the table for their states
        (
            "Tanzanian and Mozambican police chiefs met in Mtwara last month.",
            ("tanzania", "meets_with", "mozambique"),
        ),
        (
            "Kenya and Uganda said their foreign ministers held two days of talks in Nairobi.",
            ("kenya", "meets_with", "uganda"),
        ),
        # a broker meets the parties of the talks he brokered
        (
            "Sudan and South Sudan restored relations after talks in Nairobi brokered by "
            "Kenyan President William Ruto.",
            ("south-sudan", "meets_with", "william-ruto"),
        ),
        # talks as the setting of a clause are held by its subjects
        (
            "Sudan and South Sudan restored relations after talks in Nairobi brokered by "
            "Kenyan President William Ruto.",
            ("saf", "meets_with", "south-sudan"),
        ),
        # the host of a meeting the parser hung on a gerund meets the clause's subjects
        (
            "Bourita and Attaf signed an agreement on reopening the border at a meeting in "
            "Tunis hosted by Tunisian President Kais Saied.",
            ("kais-saied", "meets_with", "nasser-bourita"),
        ),
        # mediating states meet the states at the table
        (
            "Delegations led by Algerian Foreign Minister Ahmed Attaf and his Moroccan "
            "counterpart Nasser Bourita met in talks mediated by Qatar and Turkey.",
            ("qatar", "meets_with", "morocco"),
        ),
        # "talks between the two sides": the sides of the last meeting, not of the last attack
        (
            "Israel struck Iran in June.\n\nIran and the United States held talks in Muscat in "
            "March.\n\nOmani Foreign Minister Badr Albusaidi, who mediated five rounds of "
            "talks between the two sides, said he was hopeful.",
            ("badr-albusaidi", "meets_with", "united-states"),
        ),
        # "the delegations": the parties of the meeting told last
        (
            "Iran and the United States will hold talks in Muscat on Sunday.\n\nOmani Foreign "
            "Minister Badr Albusaidi said he would shuttle between the delegations.",
            ("badr-albusaidi", "meets_with", "united-states"),
        ),
        # a title's name the parser hung on the last noun of its "for" phrase
        (
            "Ruto held talks with the UN special envoy for Sudan, Ramtane Lamamra, in Nairobi.",
            ("william-ruto", "meets_with", "ramtane-lamamra"),
        ),
        # people of two sides who come to talks together meet one another too
        (
            "Algerian Foreign Minister Ahmed Attaf and Moroccan Foreign Minister Nasser Bourita "
            "held separate and then joint talks with the UN envoy Staffan de Mistura.",
            ("ahmed-attaf", "meets_with", "nasser-bourita"),
        ),
        (
            "Algerian Foreign Minister Ahmed Attaf and Moroccan Foreign Minister Nasser Bourita "
            "held joint talks with the UN envoy Staffan de Mistura.",
            ("ahmed-attaf", "meets_with", "nasser-bourita"),
        ),
        # delegations that arrive for talks meet one another, wherever they arrive
        (
            "Delegations from Russia and Ukraine arrived in Istanbul for talks.",
            ("russia", "meets_with", "ukraine"),
        ),
        # leaders of two states who travel to a summit with a third meet each other too
        (
            "Algerian Foreign Minister Ahmed Attaf and Moroccan Foreign Minister Nasser "
            "Bourita flew to Tunis for a summit with Kais Saied.",
            ("ahmed-attaf", "meets_with", "nasser-bourita"),
        ),
        # greetings, paid visits, meals, joining someone for talks, exchanging views
        (
            "Macron greeted Zelensky at the Elysee on Monday.",
            ("emmanuel-macron", "meets_with", "volodymyr-zelensky"),
        ),
        ("Erdogan paid a visit to Moscow.", ("recep-tayyip-erdogan", "meets_with", "russia")),
        (
            "Erdogan had a working dinner with Putin in Sochi.",
            ("recep-tayyip-erdogan", "meets_with", "vladimir-putin"),
        ),
        (
            "Erdogan joined Putin for talks in Sochi.",
            ("recep-tayyip-erdogan", "meets_with", "vladimir-putin"),
        ),
        (
            "Erdogan exchanged views with Putin on Syria.",
            ("recep-tayyip-erdogan", "meets_with", "vladimir-putin"),
        ),
        # the host of a summit meets whoever came to it, one or more
        (
            "Erdogan attended a summit hosted by Putin in Kazan.",
            ("recep-tayyip-erdogan", "meets_with", "vladimir-putin"),
        ),
        (
            "Erdogan arrived in Kazan for a summit hosted by Putin.",
            ("recep-tayyip-erdogan", "meets_with", "vladimir-putin"),
        ),
        # a name the parser hung as a modifier inside the next one, "and" still on it
        (
            "Kenya hosted Egyptian President Abdel Fattah al-Sisi and Somali President "
            "Hassan Sheikh Mohamud last week.",
            ("abdel-fattah-el-sisi", "meets_with", "hassan-sheikh-mohamud"),
        ),
        # Eritrea's president goes by his given name, Mozambique's by his surname
        (
            "Isaias received Somali President Hassan Sheikh Mohamud in Asmara on Sunday.",
            ("isaias-afwerki", "meets_with", "hassan-sheikh-mohamud"),
        ),
        (
            "Mondlane met Chapo in Maputo in March.",
            ("venancio-mondlane", "meets_with", "daniel-chapo"),
        ),
        # the two sides of a hyphened pair before a meeting
        ("Russia-Ukraine talks resumed in Istanbul.", ("russia", "meets_with", "ukraine")),
        (
            "The Putin-Trump summit was held in Alaska.",
            ("vladimir-putin", "meets_with", "donald-trump"),
        ),
        # speaking side by side, gathering for a summit, an invitation to talks
        (
            "Zelensky appeared alongside Macron at a news conference.",
            ("volodymyr-zelensky", "meets_with", "emmanuel-macron"),
        ),
        (
            "Leaders of Russia, China and India gathered in Tianjin for a summit.",
            ("china", "meets_with", "india"),
        ),
        (
            "Erdogan invited Putin for talks in Ankara.",
            ("recep-tayyip-erdogan", "meets_with", "vladimir-putin"),
        ),
        # "X said he ...": the reporter, not whoever was named last
        (
            "Sybiha, who accompanied Zelensky to Ankara, said he had also held talks with Fidan.",
            ("andrii-sybiha", "meets_with", "hakan-fidan"),
        ),
        # an unnamed counterpart: who the text titled in that state as the owner is titled
        (
            "Turkish President Recep Tayyip Erdogan and Turkish Foreign Minister Hakan Fidan "
            "said Ankara was ready to host talks.\n\nUkrainian Foreign Minister Andrii Sybiha "
            "held talks with his Turkish counterpart.",
            ("andrii-sybiha", "meets_with", "hakan-fidan"),
        ),
        (
            "Turkish President Recep Tayyip Erdogan and Turkish Foreign Minister Hakan Fidan "
            "said Ankara was ready to host talks.\n\nUkrainian President Volodymyr Zelensky "
            "held talks with his Turkish counterpart.",
            ("volodymyr-zelensky", "meets_with", "recep-tayyip-erdogan"),
        ),
        # those a delegation is made up of sit at its table, as members of its body
        (
            "A Hamas delegation made up of Khalil al-Hayya and Zaher Jabarin met Egypt's "
            "intelligence chief Hassan Rashad in Cairo.",
            ("hassan-rashad", "meets_with", "khalil-al-hayya"),
        ),
        (
            "A Hamas delegation made up of Khalil al-Hayya and Zaher Jabarin met Egypt's "
            "intelligence chief Hassan Rashad in Cairo.",
            ("khalil-al-hayya", "member_of", "hamas"),
        ),
    ],
)
def test_meetings_in_news_draw_the_edge(text: str, edge: tuple[str, str, str]) -> None:
    assert edge in edges(text)


@pytest.mark.parametrize(
    ("text", "edge"),
    [
        # the head of a delegation sits beside his own state, he does not meet it
        (
            "Delegations led by Algerian Foreign Minister Ahmed Attaf and his Moroccan "
            "counterpart Nasser Bourita met in Geneva.",
            ("ahmed-attaf", "meets_with", "algeria"),
        ),
        # whoever convenes a meeting between others is not said to sit at it
        (
            "Kenya convened a meeting last month between Salva Kiir and his rival Riek Machar.",
            ("kenya", "meets_with", "salva-kiir"),
        ),
        # ... not the heads of the delegations, nor one another
        (
            "Delegations led by Algerian Foreign Minister Ahmed Attaf and his Moroccan "
            "counterpart Nasser Bourita met in talks mediated by Qatar and Turkey.",
            ("qatar", "meets_with", "nasser-bourita"),
        ),
        (
            "Delegations led by Algerian Foreign Minister Ahmed Attaf and his Moroccan "
            "counterpart Nasser Bourita met in talks mediated by Qatar and Turkey.",
            ("qatar", "meets_with", "turkey"),
        ),
        # talks that are only the time of a clause are not the subjects' meeting
        (
            "Sudan and South Sudan traded accusations during talks in Nairobi.",
            ("saf", "meets_with", "south-sudan"),
        ),
        (
            "Israel struck Iran in June.\n\nIran and the United States held talks in Muscat in "
            "March.\n\nOmani Foreign Minister Badr Albusaidi, who mediated five rounds of "
            "talks between the two sides, said he was hopeful.",
            ("iran", "meets_with", "israel"),
        ),
        # ... nor people said to meet the third separately
        (
            "Blinken and Lavrov met separately with Erdogan in Ankara.",
            ("antony-blinken", "meets_with", "sergei-lavrov"),
        ),
        # ... not two ministers of one state
        (
            "Turkish Foreign Minister Hakan Fidan and Defence Minister Yasar Guler held talks "
            "with Syrian President Ahmed al-Sharaa.",
            ("hakan-fidan", "meets_with", "yasar-guler"),
        ),
        # envoys of one side who travel to meet someone are not each other's meeting
        (
            "Witkoff and Kushner flew to Moscow to meet Putin.",
            ("steve-witkoff", "meets_with", "jared-kushner"),
        ),
        # joining someone in a deed is no meeting
        (
            "Iran joined Russia in condemning the strikes.",
            ("iran", "meets_with", "russia"),
        ),
        # troops gathering is no summit; an invitation to join a coalition no meeting
        (
            "Russian and Ukrainian troops gathered near the border.",
            ("russia", "meets_with", "ukraine"),
        ),
        (
            "Erdogan invited Putin to join the coalition.",
            ("recep-tayyip-erdogan", "meets_with", "vladimir-putin"),
        ),
        (
            "Sybiha, who accompanied Zelensky to Ankara, said he had also held talks with Fidan.",
            ("volodymyr-zelensky", "meets_with", "hakan-fidan"),
        ),
        # a president's counterpart is no foreign minister
        (
            "Turkish Foreign Minister Hakan Fidan said Ankara was ready to host talks.\n\n"
            "Ukrainian President Volodymyr Zelensky held talks with his Turkish counterpart.",
            ("volodymyr-zelensky", "meets_with", "hakan-fidan"),
        ),
        # nobody meets the state he is a national of
        (
            "Mr Lavrov, a veteran diplomat, and Mr Rubio, a former senator, led the "
            "delegations in the highest-level Russia-US talks since 2022.",
            ("marco-rubio", "meets_with", "united-states"),
        ),
        # ... and do not meet that body; its chief is its head, not one of its members
        (
            "A Hamas delegation comprising Khalil al-Hayya and Zaher Jabarin arrived in Cairo.",
            ("hamas", "meets_with", "khalil-al-hayya"),
        ),
        (
            "A Hamas delegation made up of the group's political chief, Khalil al-Hayya, and "
            "Zaher Jabarin met Egypt's intelligence chief Hassan Rashad in Cairo.",
            ("khalil-al-hayya", "member_of", "hamas"),
        ),
    ],
)
def test_meetings_in_news_keep_the_wrong_edge_out(text: str, edge: tuple[str, str, str]) -> None:
    assert edge not in edges(text)
