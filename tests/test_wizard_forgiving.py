"""Issue 11, "a wizard that forgives", as a German project lead meets it: in a real
pseudo-terminal, read back as the screen a user sees (pyte). One test per promise."""

from __future__ import annotations

import datetime as dt
import shlex
import subprocess
from pathlib import Path

from gpcheck.assessment import (
    Answer,
    PlanStep,
    Progress,
    load_assessment,
    new_assessment,
    save_assessment,
)
from tests.wizard_pty import DOWN, Terminal, paste

STAGES = [3, 2, 1, 2, 4, 1, 3, 2, 1, 2, 3, 1]
AT_FIRST = Progress(current="target_group")


def a_file(folder: Path, catalogue, name: str = "nord.yaml", n: int = 12, **kw) -> Path:
    """An assessment with the first `n` criteria answered (German), saved like the wizard."""
    a = new_assessment(catalogue, "Nordstadt", "de")
    a.criteria = {c: Answer(stage=s) for c, s in list(zip(catalogue.ids, STAGES, strict=True))[:n]}
    for key, value in kw.items():
        setattr(a, key, value)
    path = folder / name
    save_assessment(path, a)
    return path


def project(term: Terminal, assessors: str = "A. Muster") -> None:
    term.answer("Name des Projekts", "Nordstadt\r")
    term.answer("Träger", "\r")
    term.answer("Ort", "\r")
    term.answer("Kontakt", "\r")
    term.answer("Wer schätzt ein", assessors + "\r")
    term.answer("Datum der Einschätzung", "\x15" + "31.3.27\r")  # Ctrl-U empties the field


def test_esc_from_the_reason_returns_to_the_stage_list_and_keeps_the_text(tmp_path, catalogue):
    term = Terminal("na.yaml", "--criteria", "setting", cwd=tmp_path)
    project(term)
    term.answer("Welche Stufe", "n\r")
    term.answer("Warum trifft", "Nur online")
    term.esc()
    term.wait(r"» n\) Trifft auf unser Projekt nicht zu")  # the stage list, on the same choice
    term.child.send("\r")
    screen = term.wait("Enter behält den Text")
    assert "Nur online" in screen
    term.child.send(" tätig\r")
    term.answer("Eine Antwort ändern oder abschließen", "a\r")
    term.answer("Bericht", "\x1b[A\r")
    assert term.end() == 0
    setting = load_assessment(tmp_path / "na.yaml", catalogue).criteria["setting"]
    assert not setting.applicable and setting.reason == "Nur online tätig"


def test_esc_from_a_custom_steps_text_returns_to_the_step_menu(tmp_path, catalogue):
    path = a_file(tmp_path, catalogue, n=1, scope=["target_group"], progress=AT_FIRST)
    term = Terminal("--resume", path.name, cwd=tmp_path)
    term.answer("Welche Stufe", "\r")
    term.answer("ergänzen", "j")
    term.answer(r"Notizen \(Enter", "\r")
    term.answer("Belege, z", "\r")
    term.answer("als Nächstes an", "\r")
    term.answer("Schritt zur Verbesserung", "2\r")  # write my own
    term.answer("Der Schritt:", "Elternabend")
    term.esc()
    term.wait(r"» 2\) Eigenen Schritt formulieren")
    term.child.send("\r")
    term.wait("Enter behält den Text")
    term.child.send(" planen\r")
    term.answer("Wer übernimmt", "\r")
    term.answer("Bis wann", "\r")
    term.answer("Geplante Schritte", "\r")
    term.answer("Eine Antwort ändern", "\x03")
    term.end()
    plan = load_assessment(path, catalogue).criteria["target_group"].plan
    assert [s.action for s in plan] == ["Elternabend planen"]


def test_german_dates_as_people_write_them_and_a_gentle_question_for_the_past(tmp_path, catalogue):
    term = Terminal("d.yaml", "--criteria", "concept", cwd=tmp_path)
    project(term)  # the assessment date typed as 31.3.27
    term.answer("Welche Stufe", "2\r")
    term.answer("ergänzen", "j")
    term.answer(r"Notizen \(Enter", "\r")
    term.answer("Belege, z", "\r")
    term.answer("als Nächstes an", "\r")
    term.answer("Schritt zur Verbesserung", "\r")
    term.answer("Wer übernimmt", "\r")
    term.answer("Bis wann", "1.2.2020\r")
    term.answer("liegt in der Vergangenheit. Trotzdem übernehmen", "n")
    term.answer("Bis wann", "\x15" + "30.6.2099\r")
    term.answer("Geplante Schritte", "\r")
    term.answer("Eine Antwort ändern", "\x03")
    term.end()
    a = load_assessment(tmp_path / "d.yaml", catalogue)
    assert a.project.date == dt.date(2027, 3, 31)
    assert a.criteria["concept"].plan[0].due == dt.date(2099, 6, 30)


def test_a_bad_date_is_explained_without_cutting_a_word_at_60_columns(tmp_path):
    term = Terminal("d.yaml", cwd=tmp_path, rows=20, cols=60)
    term.answer("Name des Projekts", "Nordstadt\r")
    for question in ("Träger", "Ort", "Kontakt", "Wer schätzt ein"):
        term.answer(question, "\r")
    term.answer("Datum der Einschätzung", "\x15" + "31.13.2027\r")
    screen = term.wait("Bitte ein Datum wie")
    message = "Bitte ein Datum wie 02.12.2026 eingeben (auch 31.3.27 geht)."
    for day in ("02.12.2026", dt.date.today().strftime("%d.%m.%Y")):
        message = message.replace("02.12.2026", day)
    assert message in " ".join(screen.split())
    for line in screen.splitlines():  # no text reaches the edge, where the terminal would cut
        assert len(line) < 60 or line.startswith(("│", "╭", "╰")), line
    term.child.sendcontrol("c")
    term.end()


def test_typing_the_number_selects_in_the_overview(tmp_path, catalogue):
    path = a_file(tmp_path, catalogue)
    term = Terminal(path.name, cwd=tmp_path)
    term.answer("Wie möchten Sie weitermachen", "2\r")  # the overview
    screen = term.wait("Eine Antwort ändern oder abschließen")
    assert "★ = Stärke" in screen
    term.child.send("12")
    term.wait(r"»\s+12\s+Belege für Wirkungen")
    term.child.send("\r")
    term.wait("Kriterium 12 von 12: Belege für Wirkungen und Kosten")
    term.child.sendcontrol("c")
    term.end()


def test_a_pasted_list_of_three_assessors_becomes_a_list(tmp_path, catalogue):
    term = Terminal("p.yaml", "--criteria", "concept", cwd=tmp_path)
    term.answer("Name des Projekts", paste("Nordstadt\n") + "\r")
    term.answer("Träger", "\r")
    term.answer("Ort", "\r")
    term.answer("Kontakt", "\r")
    term.answer("Wer schätzt ein", paste("A. Muster\nB. Beispiel\nC. Dritte\n"))
    term.wait("A. Muster, B. Beispiel, C. Dritte")
    term.child.send("\r")
    term.answer("Datum der Einschätzung", "\r")
    term.answer("Welche Stufe", "\x03")
    term.end()
    a = load_assessment(tmp_path / "p.yaml", catalogue)
    assert a.project.name == "Nordstadt"
    assert a.project.assessors == ["A. Muster", "B. Beispiel", "C. Dritte"]


def test_notes_may_span_lines(tmp_path, catalogue):
    path = a_file(tmp_path, catalogue, n=1, scope=["target_group"], progress=AT_FIRST)
    term = Terminal("--resume", path.name, cwd=tmp_path)
    term.answer("Welche Stufe", "\r")
    term.answer("ergänzen", "j")
    term.answer(r"Notizen \(Enter", paste("Erste Zeile\nZweite Zeile") + "\n" + "Dritte\r")
    term.answer("Belege, z", "\x03")
    term.end()
    notes = load_assessment(path, catalogue).criteria["target_group"].notes
    assert notes == "Erste Zeile\nZweite Zeile\nDritte"


def test_revisiting_shows_everything_and_a_step_can_be_changed_and_deleted(tmp_path, catalogue):
    steps = [PlanStep(action="Elternabend", owner="B. Beispiel"), PlanStep(action="Flyer")]
    path = a_file(tmp_path, catalogue, n=1, scope=["target_group"], progress=AT_FIRST)
    a = load_assessment(path, catalogue)
    a.criteria["target_group"] = Answer(
        stage=2, target=3, notes="Gut besucht", evidence=["Protokoll"], plan=steps
    )
    save_assessment(path, a)
    term = Terminal("--resume", path.name, cwd=tmp_path, rows=40)
    screen = term.wait("Welche Stufe")
    for shown in ("Notizen: Gut besucht", "Belege: Protokoll", "Ziel: Stufe 3", "Elternabend"):
        assert shown in " ".join(screen.split())
    term.child.send("\r")
    term.answer("ansehen oder ändern", "\r")  # yes is the default when there are details
    term.answer(r"Notizen: \(Enter behält den Text\)", "\r")
    term.answer("Belege, z", "\r")
    term.answer("als Nächstes an", "\r")
    term.answer("Geplante Schritte", "2")  # the second step
    term.child.send("\r")
    term.answer("Was möchten Sie mit diesem Schritt tun", "2\r")  # delete
    term.answer("Geplante Schritte", "1\r")
    term.answer("Was möchten Sie mit diesem Schritt tun", "1\r")  # change
    term.answer("Der Schritt:", " im Mai\r")
    term.answer("Wer übernimmt", "\r")
    term.answer("Bis wann", "\r")
    term.answer("Geplante Schritte", "f\r")
    term.answer("Eine Antwort ändern", "\x03")
    term.end()
    plan = load_assessment(path, catalogue).criteria["target_group"].plan
    assert [(s.action, s.owner) for s in plan] == [("Elternabend im Mai", "B. Beispiel")]


def test_a_file_with_an_invalid_target_shows_all_mistakes_and_is_fixed(tmp_path, catalogue):
    text = (
        "gpcheck: 1\nlanguage: de\nproject:\n  name: Nordstadt\n  date: 2026-13-01\n"
        "criteria:\n  concept: {stage: 3, target: 2}\n  setting: {stage: 9}\n"
        "  participation: {stage: 2}\n"
    )
    path = tmp_path / "fehler.yaml"
    path.write_text(text)
    term = Terminal(path.name, cwd=tmp_path, rows=40, cols=100, lang="en")  # the file: de
    screen = " ".join(term.wait("neu beantworten").split())
    assert "enthält 3 Fehler" in screen
    assert "project.date" in screen and "criteria.concept.target" in screen
    assert "criteria.setting.stage" in screen
    term.child.send("\r")  # yes
    for question in ("Name des Projekts", "Träger", "Ort", "Kontakt", "Wer schätzt ein"):
        term.answer(question, "\r")  # the project details are asked again; Enter keeps
    term.answer("Datum der Einschätzung", "\x15" + "1.12.2026\r")
    term.answer("Welche Stufe", "4\r")  # setting, asked again
    term.answer("ergänzen", "n")
    term.answer("als Nächstes an", "\r")  # only the target of concept is asked again
    term.answer("Wie möchten Sie weitermachen|Welche Stufe|Eine Antwort ändern", "\x03")
    term.end()
    a = load_assessment(path, catalogue)
    assert a.project.date == dt.date(2026, 12, 1)
    assert (a.criteria["setting"].stage, a.criteria["concept"].target) == (4, 4)
    assert a.criteria["participation"].stage == 2
    assert (tmp_path / "fehler.yaml.bak").read_text() == text


def test_without_a_file_unfinished_assessments_are_offered(tmp_path, catalogue):
    a_file(tmp_path, catalogue, name="fertig.yaml", progress=None)
    done = load_assessment(tmp_path / "fertig.yaml", catalogue)
    done.progress = Progress(finished=True)
    save_assessment(tmp_path / "fertig.yaml", done)
    stopped = Progress(current="participation")
    half = a_file(tmp_path, catalogue, name="halb.yaml", n=4, progress=stopped)
    term = Terminal(cwd=tmp_path)
    screen = term.wait("Eine neue Einschätzung beginnen")  # the list's last line
    assert "halb.yaml (4 von 12 beantwortet" in " ".join(screen.split())
    assert "fertig.yaml" not in screen
    term.child.send("\r")
    term.wait("Kriterium 5 von 12: Partizipation")
    term.child.sendcontrol("c")
    term.end()
    assert load_assessment(half, catalogue).progress.current == "participation"


def test_a_german_file_picked_from_the_list_goes_on_in_german(tmp_path, catalogue):
    stopped = Progress(current="participation")
    half = a_file(tmp_path, catalogue, name="halb.yaml", n=4, progress=stopped)
    english = {"LANG": "C.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}
    term = Terminal(cwd=tmp_path, lang="", env=english)  # plain `gpcheck assess`
    term.answer("Start a new assessment", "\r")  # the list is in the terminal's language
    term.wait("5. Partizipation: Welche Stufe beschreibt Ihr Projekt am besten?")
    term.child.sendcontrol("c")
    term.wait("Unterbrochen – alle Antworten sind gespeichert")
    term.end()
    assert load_assessment(half, catalogue).language == "de"


def test_with_lang_a_picked_file_is_continued_in_that_language(tmp_path, catalogue):
    a_file(tmp_path, catalogue, name="halb.yaml", n=4, progress=Progress(current="participation"))
    term = Terminal("--lang", "en", cwd=tmp_path, lang="")
    term.answer("Start a new assessment", "\r")
    term.wait("5. Participation: Which stage describes your project best?")
    term.child.sendcontrol("c")
    term.wait("Paused – all answers are saved")
    term.end()


def test_opening_a_finished_file_and_quitting_leaves_it_unchanged(tmp_path, catalogue):
    path = a_file(tmp_path, catalogue, progress=Progress(finished=True))
    before = path.read_bytes()
    term = Terminal(path.name, cwd=tmp_path)
    screen = " ".join(term.wait(r"Abbrechen – die Datei bleibt").split())
    for option in ("Übersicht ansehen", "neuen Bericht", "Neu beginnen"):
        assert option in screen
    assert "Dort weitermachen" not in screen  # no second option doing the same
    term.child.send("\r")
    term.answer("Eine Antwort ändern oder abschließen", "3\r")
    term.answer("Welche Stufe", "\x1b")  # Esc: back to the overview
    term.answer("Eine Antwort ändern oder abschließen", "\x03")
    term.end()
    assert path.read_bytes() == before
    assert not list(tmp_path.glob(".*lock"))


def test_where_am_i_stays_visible_at_80x24(tmp_path):
    term = Terminal("w.yaml", cwd=tmp_path)
    project(term)
    screen = term.wait("Kriterium 1 von 12 · gespeichert ✓")
    assert "Kriterium 1 von 12" in term.bottom(3)
    assert "gespeichert ✓" in term.bottom(3)
    assert "Esc = zurück" in screen
    term.child.send("2\r")
    term.answer("ergänzen", "n")
    term.wait("Kriterium 2 von 12 · gespeichert")
    term.child.sendcontrol("c")
    term.end()


def test_the_printed_command_to_reopen_works_as_typed(tmp_path):
    term = Terminal("mein projekt.yaml", cwd=tmp_path, env={"PATH": "/usr/bin:/bin"})
    term.answer("Name des Projekts", "Nordstadt\r")
    term.answer("Träger", "\x03")
    screen = term.wait(r"Weitermachen mit:\n.* assess 'mein projekt.yaml'")
    term.end()
    lines = screen.splitlines()
    line = lines[lines.index("Weitermachen mit:") + 1].strip()
    args = shlex.split(line)
    assert Path(args[0]).is_absolute()  # gpcheck is not on this PATH: its real path
    done = subprocess.run(args, cwd=tmp_path, capture_output=True, text=True, timeout=30)
    assert done.returncode == 2 and "interaktives Terminal" in done.stderr  # it ran


def test_a_project_name_with_markup_and_escapes_shows_literally(tmp_path):
    term = Terminal("m.yaml", "--criteria", "concept", cwd=tmp_path)
    term.answer("Name des Projekts", paste("Nord[/bold]\x1b[31mstadt") + "\r")
    for question in ("Träger", "Ort", "Kontakt", "Wer schätzt ein", "Datum"):
        term.answer(question, "\r")
    term.answer("Welche Stufe", "1\r")
    term.answer("ergänzen", "n")
    screen = term.wait("Eine Antwort ändern")
    assert "Übersicht – Nord[/bold]\\x1b[31mstadt" in screen
    term.child.sendcontrol("c")
    term.end()


def test_the_down_arrow_still_moves(tmp_path, catalogue):
    path = a_file(tmp_path, catalogue, n=0, scope=["concept"], progress=Progress(current="concept"))
    term = Terminal("--resume", path.name, cwd=tmp_path)
    term.answer("Welche Stufe", DOWN + DOWN + "\r")
    term.answer("ergänzen", "\x03")
    term.end()
    assert load_assessment(path, catalogue).criteria["concept"].stage == 2


def test_at_60x20_the_overview_rows_and_the_stage_list_stay_whole(tmp_path, catalogue):
    path = a_file(tmp_path, catalogue, progress=Progress(finished=True))
    term = Terminal(path.name, cwd=tmp_path, rows=20, cols=60)
    term.answer(r"Abbrechen – die Datei bleibt", "\r")  # the overview
    screen = term.wait(r"\s12\s+\S.*\s1/4\s")  # row 12 on one line, with its stage
    assert all(len(line) < 60 for line in screen.splitlines())
    term.child.send("5\r")
    screen = term.wait("Zurück zur Übersicht, nichts ändern")
    assert "Kriterium 5 von 12" in screen
    term.child.sendcontrol("c")
    term.end()


def test_a_session_of_two_criteria_counts_its_own_questions_in_the_status_line(tmp_path):
    term = Terminal("two.yaml", "--criteria", "participation,low_threshold", cwd=tmp_path)
    project(term)
    screen = term.wait("Welche Stufe")
    assert "Frage 1 von 2 · gespeichert" in screen and "von 12 ·" not in screen
    term.child.send("2\r")
    term.answer("ergänzen", "n")
    screen = term.wait("Niedrigschwellige Arbeitsweise: Welche Stufe")
    assert "Frage 2 von 2" in screen
    term.child.sendintr()
    term.end()
