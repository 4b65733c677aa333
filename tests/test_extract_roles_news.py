"""Roles as news words them, with the real spaCy pipeline, each on a sentence of our own:
a group's commander, an agency's director, a ministry's spokesperson, an affiliate."""

from __future__ import annotations

import pytest
from test_extract_news import edges

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "edge"),
    [
        # the group's own commander heads it: "its commander", "the commander of ..."
        (
            "The truce was signed in Damascus, where interim President Ahmed al-Sharaa and "
            "the SDF's commander, Mazloum Abdi, shook hands.",
            ("mazloum-abdi", "leads", "sdf"),
        ),
        (
            "The RSF took the city. The commander of the RSF, Mohamed Hamdan Dagalo, "
            "flew to Nairobi.",
            ("hemedti", "leads", "rsf"),
        ),
        # a commander named after a group's name is one of its commanders
        (
            "Israel said it killed Hezbollah commander Ali Karaki in Beirut.",
            ("x-ali-karaki", "member_of", "hezbollah"),
        ),
        # so does an agency's director, before or after the name
        ("CIA Director William Burns flew to Cairo.", ("william-burns", "leads", "cia")),
        (
            "Kyiv sent Deputy Defence Minister Ivan Havryliuk and Vasyl Maliuk, director of "
            "the SBU.",
            ("vasyl-maliuk", "leads", "sbu"),
        ),
        # a title after a list describes the name nearest it
        (
            "Moscow sent Deputy Foreign Minister Andrei Rudenko, Deputy Defence Minister "
            "Yunus-Bek Yevkurov and Igor Kostyukov, director of the GRU.",
            ("igor-kostyukov", "leads", "gru"),
        ),
        # "the X-affiliated group" is one of X's affiliates
        (
            "The Al Qaeda-affiliated group JNIM seized 15 vehicles.",
            ("jnim", "member_of", "al-qaeda"),
        ),
        (
            "Mali's army fought JNIM near Segou on Monday. The al-Qaeda-affiliated group "
            "seized 15 vehicles.",
            ("jnim", "member_of", "al-qaeda"),
        ),
        # a bare ministry's spokesperson speaks for the government of the article's country
        (
            'Somali troops retook two towns from al-Shabaab on Sunday. "We will not stop," '
            "said ministry spokesperson Abdullahi Farah Ali.",
            ("x-abdullahi-farah-ali", "member_of", "somalia"),
        ),
        # a speaker heads the parliament a chamber word or the body names
        (
            "The envoy held talks with House Speaker Nabih Berri in Beirut.",
            ("nabih-berri", "leads", "lebanese-parliament"),
        ),
        (
            "Iran's parliament speaker Mohammad Bagher Ghalibaf condemned the strikes.",
            ("mohammad-bagher-ghalibaf", "leads", "iran-parliament"),
        ),
        # ... and is one of the state's officers where the gazetteer knows no parliament
        (
            "House Speaker Mike Johnson met Zelensky in Washington.",
            ("mike-johnson", "member_of", "united-states"),
        ),
        # a state's contingents within a mission are its members
        (
            "Backed by Burundian contingents within AUSSOM, Somali troops retook the town.",
            ("burundi", "member_of", "aussom"),
        ),
        # the people a delegation is listed as are members of the side it speaks for
        (
            "The Hamas delegation included Khalil al-Hayya and Zaher Jabarin.",
            ("zaher-jabarin", "member_of", "hamas"),
        ),
        (
            "Moscow's negotiators were named as Deputy Foreign Minister Andrei Rudenko and "
            "Igor Kostyukov.",
            ("igor-kostyukov", "member_of", "russia"),
        ),
        (
            "A Hamas delegation made up of Khaled Meshaal and Khalil al-Hayya arrived in Cairo.",
            ("khaled-meshaal", "member_of", "hamas"),
        ),
        # a hyphenated title the tokenizer cut at its hyphens is still one title
        (
            '"We will fight on," Arakan Army commander-in-chief Twan Mrat Naing said.',
            ("twan-mrat-naing", "leads", "arakan-army"),
        ),
        # a state's military's maritime agency is one of its bodies
        (
            "The British military's United Kingdom Maritime Trade Operations center said "
            "a ship was hit.",
            ("ukmto", "member_of", "united-kingdom"),
        ),
        # the head of one of a state's bodies is one of the state's officers
        (
            "U.S. Central Command chief General Michael Kurilla visited Erbil.",
            ("michael-kurilla", "member_of", "united-states"),
        ),
        # ... and so is an officer of one
        (
            "U.S. Africa Command spokeswoman Kelly Cahalan said no civilians were hurt.",
            ("x-kelly-cahalan", "member_of", "united-states"),
        ),
        # a state that provides a body's contingent is one of its members
        (
            "Burundi, which provided the largest AUSSOM contingent, withdrew its troops.",
            ("burundi", "member_of", "aussom"),
        ),
        # a passive verb coordinated in a relative clause shares its subject and auxiliary
        (
            "Hayat Tahrir al-Sham, which operates in Idlib and is led by Abu Mohammed "
            "al-Golani, seized Aleppo.",
            ("golani", "leads", "hts"),
        ),
        (
            "Kataib Hezbollah, which is backed by Iran and led by Abu Hussein al-Hamidawi, "
            "threatened U.S. forces.",
            ("abu-hussein-al-hamidawi", "leads", "kataib-hezbollah"),
        ),
        # ... but a verb with its own auxiliary is a clause of its own
        (
            "Ramaphosa said the troops had been hit by shelling and that the South African "
            "army had negotiated a truce with the M23 rebels.",
            ("south-africa", "meets_with", "m23"),
        ),
        # forces serving in a mission: a state's make it a member, an organisation's own
        # make the mission the organisation's
        (
            "Backed by Burundian troops within AUSSOM, Somali forces retook the town.",
            ("burundi", "member_of", "aussom"),
        ),
        (
            "Somali soldiers supported by African Union troops under the AUSSOM mission "
            "retook the town.",
            ("aussom", "member_of", "african-union"),
        ),
        # the head of a state's office or programme holds one of the state's offices
        (
            "Marko Djuric, the head of the Serbian government's Office for Kosovo, met "
            "EU officials.",
            ("marko-djuric", "member_of", "serbia"),
        ),
        (
            "Mohammad Eslami, the head of Iran's nuclear programme, met Grossi.",
            ("mohammad-eslami", "member_of", "iran"),
        ),
        # ... while the head of its government heads it
        (
            "Ahmed al-Sharaa, the head of Syria's government, met Erdogan.",
            ("golani", "leads", "syrian-government"),
        ),
        # a counterpart the text gives no body holds the owner's office in their own state
        (
            "Syrian Foreign Minister Asaad al-Shaibani flew to Ankara for talks with his "
            "counterpart Hakan Fidan.",
            ("hakan-fidan", "member_of", "turkey"),
        ),
        (
            "Russian President Vladimir Putin spoke with his counterpart Xi Jinping.",
            ("xi-jinping", "leads", "china"),
        ),
        # an office taken as a post: who took it holds it
        (
            "Getachew Reda accepted a post as a minister in the Ethiopian government.",
            ("getachew-reda", "member_of", "ethiopia"),
        ),
        # a leader's cabinet is the government the leader heads
        (
            "Getachew Reda, who accepted a post as a minister in Abiy's cabinet, criticised "
            "the TPLF.",
            ("getachew-reda", "member_of", "ethiopia"),
        ),
        # a name right after a title is a person's, even where the model reads an
        # organisation
        (
            "The Ukrainian delegation included Deputy Foreign Minister Mykola Tochytskyi and "
            "the SBU security service's deputy head Oleksandr Poklad.",
            ("x-oleksandr-poklad", "member_of", "sbu"),
        ),
        # the states an organisation's forces come from are its members
        (
            "The Multinational Joint Task Force, which brings together troops from Niger and "
            "Benin, was weakened.",
            ("benin", "member_of", "mnjtf"),
        ),
        (
            "AUSSOM has about 11,000 troops, with smaller contingents from Egypt and Djibouti.",
            ("djibouti", "member_of", "aussom"),
        ),
    ],
)
def test_roles_draw_the_edge(text: str, edge: tuple[str, str, str]) -> None:
    assert edge in edges(text)


@pytest.mark.parametrize(
    ("text", "edge"),
    [
        # one of a group's senior commanders is a member, not its head
        (
            "A senior Hezbollah commander Ali Karaki was killed in Beirut.",
            ("x-ali-karaki", "leads", "hezbollah"),
        ),
        (
            "Israel said it killed Hezbollah commander Ali Karaki in Beirut.",
            ("x-ali-karaki", "leads", "hezbollah"),
        ),
        # the title is not the list's earlier names'
        (
            "Moscow sent Sergei Shoigu, Sergei Lavrov and Igor Kostyukov, director of the GRU.",
            ("sergei-lavrov", "member_of", "gru"),
        ),
        # the affiliated group is not its patron
        (
            "Mali's army fought JNIM near Segou on Monday. The al-Qaeda-affiliated group "
            "seized 15 vehicles.",
            ("al-qaeda", "backs", "jnim"),
        ),
        # a bare "Speaker": no chamber is named, so none is drawn
        (
            "The envoy met Speaker Nabih Berri in Beirut.",
            ("nabih-berri", "leads", "lebanese-parliament"),
        ),
        # a speaker does not lead the state
        (
            "House Speaker Mike Johnson met Zelensky in Washington.",
            ("mike-johnson", "leads", "united-states"),
        ),
        # a list that is not a delegation's is no membership
        (
            "The talks included Khalil al-Hayya and Israeli officials.",
            ("khalil-al-hayya", "member_of", "israel"),
        ),
        # ... not a group's leader of the group's country
        (
            "Hezbollah leader Naim Qassem spoke from Beirut.",
            ("naim-qassem", "member_of", "lebanon"),
        ),
        # ... which it does not back: the contingent is its own
        (
            "Burundi, which provided the largest AUSSOM contingent, withdrew its troops.",
            ("burundi", "backs", "aussom"),
        ),
        # "under" a commander is no mission
        (
            "Kenyan police under the command of Godfrey Otunge patrolled Port-au-Prince.",
            ("kenya", "member_of", "x-godfrey-otunge"),
        ),
        (
            "Mohammad Eslami, the head of Iran's nuclear programme, met Grossi.",
            ("mohammad-eslami", "leads", "iran"),
        ),
        # ... which is unknown when the text gives the owner none
        (
            "Putin spoke with his counterpart Xi Jinping on Monday.",
            ("xi-jinping", "member_of", "china"),
        ),
        # ... and a counterpart from the owner's own state is not the other side's
        (
            "Russian Foreign Minister Sergei Lavrov held talks with his counterpart Sergei Shoigu.",
            ("sergei-shoigu", "member_of", "russia"),
        ),
        # the side's leader in its delegation is its head, not one more member
        (
            "A Hamas delegation made up of Hamas leader Ismail Haniyeh and Khaled Meshaal "
            "arrived in Cairo.",
            ("ismail-haniyeh", "member_of", "hamas"),
        ),
    ],
)
def test_roles_keep_the_wrong_edge_out(text: str, edge: tuple[str, str, str]) -> None:
    assert edge not in edges(text)
