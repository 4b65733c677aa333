"""Extraction with the real spaCy pipeline: what the guidelines say an edge is, and is not."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kg
from kg.evaluate import load_gold, score
from kg.io import iter_documents
from kg.model import Document, Modality, Polarity

pytestmark = pytest.mark.model
ROOT = Path(__file__).resolve().parent.parent
SHARED_GOLD = ROOT.parent / "shared" / "eval" / "gold"


def edges(text: str) -> set[tuple[str, str, str]]:
    """Positive, non-hypothetical edges: what the graph would draw."""
    result = kg.extract(text)
    return {(r.subject, r.relation.value, r.object) for r in result.relations if r.counts_as_edge}


@pytest.mark.parametrize(
    "text",
    [
        "Turkey denied that it supports Hayat Tahrir al-Sham.",
        "Russia did not attack Ukraine.",
        "Iran never armed the Houthis.",
        "Ukraine refused to negotiate with Russia.",
        "Russia could invade Georgia.",
        "If Israel attacks Iran, the United States would defend Israel.",
        "Egypt urged Israel to negotiate with Hamas.",
    ],
)
def test_negated_denied_and_hypothetical_sentences_draw_no_edge(text: str) -> None:
    assert edges(text) == set()


def test_a_negation_is_kept_as_a_negative_claim() -> None:
    (relation,) = kg.extract("Russia did not attack Ukraine.").relations
    assert relation.polarity is Polarity.NEGATIVE and not relation.counts_as_edge


def test_planned_meetings_are_edges_with_planned_modality() -> None:
    result = kg.extract("The foreign ministers of Turkey, Iran and Russia will meet on Saturday.")
    assert {frozenset((r.subject, r.object)) for r in result.relations} == {
        frozenset(p) for p in (("turkey", "iran"), ("turkey", "russia"), ("iran", "russia"))
    }
    assert {r.modality for r in result.relations} == {Modality.PLANNED}


def test_reported_claims_keep_their_attribution() -> None:
    result = kg.extract("Iran supplies weapons to the Houthis, two US officials told Reuters.")
    (relation,) = result.relations
    assert (relation.subject, relation.relation.value, relation.object) == (
        "iran",
        "backs",
        "houthis",
    )
    assert relation.modality is Modality.REPORTED
    assert relation.attribution == "two US officials"


def test_reporters_are_not_participants() -> None:
    assert edges("Hezbollah attacked Israel, a Lebanese security source told Reuters.") == {
        ("hezbollah", "opposes", "israel")
    }


def test_metonymy_resolves_to_the_state() -> None:
    assert ("russia", "opposes", "ukraine") in edges("The Kremlin attacked Kyiv.")
    assert ("united-states", "opposes", "houthis") in edges(
        "American warplanes struck Houthi targets in Yemen."
    )


@pytest.mark.parametrize(
    ("text", "edge"),
    [
        (
            "Russian Foreign Intelligence Service officers met their Belarusian counterparts.",
            ("svr", "member_of", "russia"),
        ),
        (
            "Putin's spokesman Dmitry Peskov said the talks would continue.",
            ("dmitry-peskov", "member_of", "russia"),
        ),
        (
            "The commander of the Quds Force Esmail Qaani visited Baghdad on Monday.",
            ("esmail-qaani", "leads", "quds-force"),
        ),
        (
            "Russia has backed the military regime of Captain Ibrahim Traore in Burkina Faso.",
            ("ibrahim-traore", "leads", "burkina-faso"),
        ),
        (
            "Like other Iranian-backed militias, Kataib Hezbollah has attacked US bases.",
            ("iran", "backs", "kataib-hezbollah"),
        ),
        (
            "US forces struck the Kataib Hezbollah militia group in Iraq.",
            ("united-states", "opposes", "kataib-hezbollah"),
        ),
        (
            "Turkey carried out air raids in northern Iraq in what it called an operation "
            "against the PKK.",
            ("turkey", "opposes", "pkk"),
        ),
        (
            "The SDF has been a key American partner in the war against the Islamic State.",
            ("united-states", "opposes", "islamic-state"),
        ),
        (
            "The Islamic Resistance in Iraq, an umbrella group of armed factions such as "
            "Kataib Hezbollah and Harakat al-Nujaba, claimed the drone attack.",
            ("harakat-al-nujaba", "member_of", "islamic-resistance-in-iraq"),
        ),
        (
            "The Axis of Resistance, an alliance including Hezbollah and the Houthis, vowed "
            "revenge.",
            ("houthis", "member_of", "axis-of-resistance"),
        ),
        (
            "Turkish Foreign Minister Hakan Fidan was in Moscow to discuss the war.",
            ("hakan-fidan", "meets_with", "russia"),
        ),
        (
            "Russia and Ukraine held talks in Istanbul on Friday. Hakan Fidan, who hosted the "
            "talks, said progress was made.",
            ("hakan-fidan", "meets_with", "ukraine"),
        ),
        (
            "Kataib Hezbollah falls under the Popular Mobilization Forces.",
            ("kataib-hezbollah", "member_of", "pmf"),
        ),
        (
            "Israel and Hezbollah have exchanged fire almost daily since October.",
            ("hezbollah", "opposes", "israel"),
        ),
        (
            "Russian soldiers opened fire on Ukrainian positions overnight.",
            ("russia", "opposes", "ukraine"),
        ),
        (
            "Hamas claimed responsibility for the attack on Israeli troops.",
            ("hamas", "opposes", "israel"),
        ),
        (
            "Israel launched a wave of airstrikes on Hezbollah positions.",
            ("israel", "opposes", "hezbollah"),
        ),
        ("Hezbollah vowed retaliation against Israel.", ("hezbollah", "opposes", "israel")),
        ("Putin arrived in Beijing on a state visit.", ("china", "meets_with", "vladimir-putin")),
        (
            "Qatar has used its contacts with Hamas to secure the release of hostages.",
            ("hamas", "meets_with", "qatar"),
        ),
        (
            "Iran has been supplying drones to Russia for its war in Ukraine.",
            ("iran", "backs", "russia"),
        ),
    ],
)
def test_offices_lists_partners_and_visits(text: str, edge: tuple[str, str, str]) -> None:
    assert edge in edges(text)


def test_exchanging_prisoners_is_no_fighting() -> None:
    assert edges("Russia and Ukraine exchanged prisoners on Friday.") == set()


def test_a_speaker_after_a_list_is_not_given_what_the_list_got() -> None:
    found = edges(
        "Turkey gave refuge to the general and his family, Ibrahim Kalin, Turkey's "
        "intelligence chief, said."
    )
    assert not any(r == "backs" and o == "ibrahim-kalin" for _, r, o in found)


def _score(gold_dir: Path, articles: Path) -> kg.evaluate.Report:
    documents = {Path(d.id).name: d for d in iter_documents([articles]) if isinstance(d, Document)}
    pairs = []
    for path in sorted(gold_dir.glob("*.gold.json")):
        gold = load_gold(path)
        pairs.append((gold, kg.extract(documents[Path(gold.doc).name])))
    return score(pairs)


def test_seed_gold_scores_as_the_issue_requires() -> None:
    if not SHARED_GOLD.is_dir():
        pytest.skip("../shared/eval/gold is not beside this checkout")
    report = _score(SHARED_GOLD, ROOT / "seeds")
    assert report.overall.f1 >= 0.90
    assert all(score.f1 >= 0.80 for _, score in report.per_type), report.per_type
    assert report.evidence_invalid == 0


@pytest.mark.parametrize(
    ("folder", "precision", "f1"),
    [
        # our own annotated real articles, which rules were written against
        ("", 0.94, 0.89),
        # written and annotated independently of the extractor, then used to find
        # general news mechanisms
        ("dev2", 0.93, 0.85),
        ("dev3", 0.94, 0.82),
        # real articles annotated independently, measured before rules were written
        ("dev4", 0.92, 0.87),
        # ten more real articles annotated independently, added after dev4
        ("dev5", 0.93, 0.83),
        # ten more, added at the end of session 5 and measured before use (0.911 / 0.695)
        ("dev6", 0.89, 0.74),
        # annotated by someone who never saw the extractor, kept out of rule writing:
        # the honest estimate of quality on unseen news
        ("heldout", 0.85, 0.65),
        # ten real articles annotated blind in session 6, kept out of rule writing like
        # heldout (0.920 / 0.692 when added)
        ("dev7", 0.88, 0.66),
    ],
)
def test_annotated_set_does_not_regress(folder: str, precision: float, f1: float) -> None:
    """A floor a little under each set's measured score, so a change that loses recall or
    precision anywhere shows up."""
    root = ROOT / "tests" / "data" / folder
    report = _score(root / "gold", root / "articles")
    assert report.overall.precision >= precision
    assert report.overall.f1 >= f1
    assert report.evidence_invalid == 0


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(min_size=1, max_size=400))
def test_any_text_extracts_without_crashing_and_quotes_equal_spans(text: str) -> None:
    if not text.strip():
        return
    result = kg.extract(Document("fuzz", text))
    for relation in result.relations:
        for evidence in relation.evidence:
            assert text[evidence.start : evidence.end] == evidence.quote


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.sampled_from(
            [
                "Russia",
                "Iran",
                "backs",
                "attacked",
                "Hezbollah",
                "the",
                "group",
                "its",
                "-backed",
                "leader",
                ",",
                ".",
                "and",
                "not",
                "President",
                "Assad",
                "\n",
                "talks",
                "with",
                "’s",
            ]
        ),
        min_size=1,
        max_size=40,
    )
)
def test_actor_soup_never_breaks_the_evidence_invariant(words: list[str]) -> None:
    text = " ".join(words)
    result = kg.extract(Document("soup", text))
    ids = {a.id for a in result.actors}
    for relation in result.relations:
        assert {relation.subject, relation.object} <= ids
        for evidence in relation.evidence:
            assert text[evidence.start : evidence.end] == evidence.quote
