#!/usr/bin/python3
# SPDX-FileCopyrightText: 2026 Upstander contributors
# SPDX-License-Identifier: GPL-3.0-or-later
# a11y-names.py: what a screen reader hears, read through the AT-SPI tree.
#
# Starts the app with the real accessibility backend on a private session bus
# (run it under dbus-run-session and a display), plays through the first-run
# dialog, the catalogue, a story to its ending, Preferences, a classroom
# run and the story workshop (a person, a scene with a line and two choices,
# an ending, the face picker's popup, the confirmation before a story is
# deleted) with the keyboard, and fails on any node whose name
#   - is doubled ("English English", "_Continue Continue"),
#   - repeats its opening ("Think again: Think again: …"),
#   - shows a raw mnemonic ("_Continue"),
#   - or is the name of a widget type ("GtkListItemWidget");
# and, in the face picker and the delete confirmation, on any control
# (button, toggle, check box, entry…) with no name at all.
# Usage: a11y-names.py UPSTANDER-EXECUTABLE
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

import pyatspi

# Nodes that GTK 4.8 and libadwaita 1.2 build inside their own widgets and
# name after their type, out of an app's reach: type name -> the nodes (by
# role or by name) it is allowed under, up to four levels up, or None for
# anywhere.
TOOLKIT_INTERNALS = {
    "GtkStackPage": None,          # a stack page cannot be given a label in GTK 4.8
    "GtkScrollbar": None,
    "GtkRange": None,              # inside a GtkScrollbar
    "GtkBuiltinIcon": None,        # a check box's or a drop-down's indicator
    "AdwGizmo": None,              # inside AdwHeaderBar
    "GtkToggleButton": {"combo box"},      # the button of a GtkDropDown
    "GtkListItemWidget": {"GtkStackPage"},  # a GtkDropDown's popover list
    "AdwSqueezer": {"panel"},      # AdwMessageDialog's button area (ours are "generic")
    # AdwEntryRow's edit indicator, AdwComboRow's and AdwExpanderRow's arrows
    "GtkImage": {"text", "combo box", "list item"},
    "GtkListBox": {"list item"},   # the list inside an AdwExpanderRow
    "GtkPopoverContent": None,     # inside every GtkPopover (ours are named)
}

# AdwPreferencesWindow wraps the pages it is given in widgets of its own
# (view switchers, search, leaflet); inside the "Preferences" window these
# are the toolkit's.
PREFERENCES_INTERNALS = {
    "AdwLeaflet", "AdwViewSwitcherTitle", "AdwViewSwitcher", "AdwViewSwitcherBar",
    "AdwIndicatorBin", "AdwSqueezer", "AdwWindowTitle", "GtkActionBar", "GtkImage",
    "GtkSearchEntry", "GtkListView", "GtkListBox",
}

TYPE_NAME = re.compile(r"^(Gtk|Adw|Upstander)[A-Z][A-Za-z]+$")
MNEMONIC = re.compile(r"(^|\s)_[^\s_]")
OPENING = re.compile(r"^(.{3,}?):\s+(.*)$", re.S)

RETURN, ESCAPE, TAB, PAGE_DOWN, COMMA, END = 0xff0d, 0xff1b, 0xff09, 0xff56, 0x2c, 0xff57


def problems_of(name, above, window):
    found = []
    if TYPE_NAME.match(name):
        allowed = TOOLKIT_INTERNALS.get(name, set())
        internal = (name in TOOLKIT_INTERNALS and allowed is None) \
            or (allowed is not None and any(role in allowed or node_name in allowed
                                            for role, node_name in above)) \
            or (window == "Preferences" and name in PREFERENCES_INTERNALS)
        if not internal:
            found.append("named after its type")
    if MNEMONIC.search(name):
        found.append("a raw mnemonic")
    words = name.split()
    half = len(words) // 2
    if words and len(words) % 2 == 0 and words[:half] == words[half:]:
        found.append("doubled")
    opening = OPENING.match(name)
    if opening and opening.group(2).startswith(opening.group(1)):
        found.append("says its opening twice")
    return found


def children(node):
    """The children of @node that are still there. The tree changes while it is
    walked (a typing indicator leaves when its message arrives, a page is
    replaced): a node gone since its parent listed it is skipped, as a screen
    reader would no longer reach it."""
    try:
        n = node.childCount
    except Exception:
        return []
    found = []
    for i in range(n):
        try:
            child = node.getChildAtIndex(i)
        except Exception:
            continue
        if child is not None:
            found.append(child)
    return found


def check(node, where, problems, seen, path=(), depth=0):
    try:
        role, name = node.getRoleName(), node.name or ""
    except Exception:
        return
    window = path[1][1] if len(path) > 1 else name
    for problem in problems_of(name, path[-4:], window):
        key = (problem, role, name)
        if key not in seen:
            seen.add(key)
            problems.append("%s: %s %r is %s (in %s)"
                            % (where, role, name, problem,
                               " > ".join("%s %r" % step for step in path[-4:])))
    if depth < 60:
        for child in children(node):
            check(child, where, problems, seen, path + ((role, name),), depth + 1)


# Roles a person acts on: each needs a name of its own.
CONTROL_ROLES = {
    "push button", "toggle button", "check box", "radio button", "combo box", "text",
    "entry", "password text", "spin button", "slider", "link", "menu item",
    "check menu item", "radio menu item",
}


def check_controls_named(node, where, problems, path=(), depth=0):
    """Every control under @node that is showing has a name."""
    try:
        role, name = node.getRoleName(), node.name or ""
        showing = node.getState().contains(pyatspi.STATE_SHOWING)
    except Exception:
        return
    if role in CONTROL_ROLES and showing and not name.strip():
        problems.append("%s: %s without a name (in %s)"
                        % (where, role, " > ".join("%s %r" % step for step in path[-4:])))
    if depth < 60:
        for child in children(node):
            check_controls_named(child, where, problems, path + ((role, name),), depth + 1)


def count(node, test, depth=0):
    try:
        n = 1 if test(node) else 0
    except Exception:
        n = 0
    if depth < 60:
        for child in children(node):
            n += count(child, test, depth + 1)
    return n


def find(node, test, depth=0):
    try:
        if test(node):
            return node
    except Exception:
        return None
    if depth < 60:
        for child in children(node):
            found = find(child, test, depth + 1)
            if found is not None:
                return found
    return None


def focused(app):
    return find(app, lambda n: n.getState().contains(pyatspi.STATE_FOCUSED)
                and n.getRoleName() not in ("frame", "dialog", "window"))


def press(keysym):
    pyatspi.Registry.generateKeyboardEvent(keysym, None, pyatspi.KEY_SYM)
    time.sleep(0.4)


def tab_to(app, role):
    for _ in range(80):
        node = focused(app)
        if node is not None and node.getRoleName() == role:
            return node
        press(TAB)
    sys.exit("Tab never reached a %s" % role)


def press_with_control(keysym):
    control = 1 << 2
    pyatspi.Registry.generateKeyboardEvent(control, None, pyatspi.KEY_LOCKMODIFIERS)
    pyatspi.Registry.generateKeyboardEvent(keysym, None, pyatspi.KEY_SYM)
    pyatspi.Registry.generateKeyboardEvent(control, None, pyatspi.KEY_UNLOCKMODIFIERS)
    time.sleep(1.0)


def do_action(node):
    """Runs the first action of @node, or of the first node under it that has one
    (a GtkMenuButton's name is on the menu button, its action on the button inside)."""
    actor = find(node, lambda n: n.queryAction().nActions > 0)
    if actor is None:
        sys.exit("%s %r does nothing when activated" % (node.getRoleName(), node.name))
    actor.queryAction().doAction(0)
    time.sleep(1.0)


def open_from_menu(app, name):
    do_action(find(app, lambda n: n.name == "Main menu" and n.queryAction().nActions > 0))
    item = find(app, lambda n: "menu item" in n.getRoleName() and n.name == name)
    if item is None:
        sys.exit("no %s in the main menu" % name)
    do_action(item)


def main():
    exe = sys.argv[1]
    env = dict(os.environ)
    # The real backend, not the test one the other tests use.
    env.pop("GTK_A11Y", None)
    env.pop("NO_AT_BRIDGE", None)
    # The workshop keeps drafts: in a data folder of this run's own, not the
    # one the other tests share (one of them turns it into a file).
    data_home = tempfile.mkdtemp(prefix="a11y-names-")
    env["XDG_DATA_HOME"] = data_home
    child = subprocess.Popen([exe], env=env)
    problems, seen = [], set()

    try:
        app = None
        for _ in range(200):
            time.sleep(0.1)
            app = find(pyatspi.Registry.getDesktop(0), lambda n: n.getRoleName() == "application"
                       and n.name == "upstander")
            if app is not None and app.childCount > 0:
                break
        if app is None:
            sys.exit("the app never showed up on the AT-SPI bus")
        time.sleep(1.5)

        def look(where):
            time.sleep(0.8)
            check(app, where, problems, seen)

        look("first run")
        dialog = find(app, lambda n: n.getRoleName() == "dialog")
        if dialog is None:
            sys.exit("no first-run dialog")
        press(RETURN)
        # Then who is reading: its own question, after the language.
        look("who is reading")
        dialog = find(app, lambda n: n.getRoleName() == "dialog")
        if dialog is None:
            sys.exit("no question about who is reading after the language")
        # What a screen reader says first: the question, then the focused band.
        if dialog.name != "Who Is Reading?":
            sys.exit("the question is named %r, not by its heading" % dialog.name)
        node = focused(app)
        if node is None or node.name != "Ages 8 to 11":
            sys.exit("the focus is not on the first band but on %r" % (node and node.name))
        # Nothing is preselected: Return checks the band that has the focus
        # (the first) and does not answer yet. Then a teacher or parent
        # (every story), which Return checks, and answers now that Continue
        # is available.
        press(RETURN)
        if find(app, lambda n: n.getRoleName() == "dialog") is None:
            sys.exit("one Return answered who is reading, with nothing chosen")
        press(END)
        press(RETURN)
        if find(app, lambda n: n.getRoleName() == "dialog") is not None:
            sys.exit("who is reading was not answered by End and Return")
        look("catalogue")

        # A story, by keyboard only, to its ending.
        tab_to(app, "table cell")
        press(RETURN)
        look("story")
        decisions = 0
        for _ in range(80):
            node = focused(app)
            if node is not None and node.getRoleName() == "heading":
                # A decision: its question has the focus; a choice is one Tab away.
                look("decision")
                decisions += 1
                press(TAB)
                press(RETURN)
                look("feedback")
            elif find(app, lambda n: n.getRoleName() == "push button"
                      and n.name == "Try another choice") is not None:
                break
            else:
                press(RETURN)
        if decisions == 0 or find(app, lambda n: n.name == "Try another choice") is None:
            sys.exit("the story never reached a decision and an ending")
        look("ending")
        press(ESCAPE)

        press_with_control(COMMA)
        if find(app, lambda n: n.getRoleName() == "frame" and n.name == "Preferences") is None:
            sys.exit("Control+comma did not open Preferences")
        look("preferences")
        press(ESCAPE)

        # A classroom run, switched on from the main menu: the presentation, its bar, the vote cards.
        open_from_menu(app, "Classroom Mode")
        tab_to(app, "table cell")
        press(RETURN)
        look("classroom")
        for _ in range(20):
            if find(app, lambda n: n.name == "Go This Way") is not None:
                break
            press(PAGE_DOWN)
        else:
            sys.exit("the classroom run never reached a decision")
        look("classroom decision")
        press(ESCAPE)

        # The story workshop, from the main menu, with a card of each kind on it.
        open_from_menu(app, "Story Workshop")
        look("workshop")
        for name in ("Add Person", "Add Scene", "Add Ending", "Add Message", "Add Choice", "Add Choice"):
            button = find(app, lambda n: n.getRoleName() == "push button" and n.name == name
                          and n.getState().contains(pyatspi.STATE_SENSITIVE))
            if button is None:
                sys.exit("no %s button in the workshop" % name)
            do_action(button)
        if find(app, lambda n: n.name == "What the button says") is None:
            sys.exit("the workshop never showed a choice")
        look("workshop with a story")

        # The face picker's popup: the person's face, and every face to choose.
        picker = find(app, lambda n: (n.name or "").startswith("Choose a face")
                      and n.getRoleName() in ("toggle button", "push button"))
        if picker is None:
            sys.exit("no face picker for the person in the workshop")
        # As a keyboard or screen reader user opens it: Tab to the button
        # (which scrolls it into view), then Return. (Its AT-SPI action on a
        # button scrolled out of view makes GTK 4.8 place the popup against
        # no monitor: a critical in gdk_monitor_get_geometry. GTK 4.8 has no
        # AT-SPI grabFocus to move there otherwise.)
        def on_picker(node):
            names = (node.name or "", (node.parent.name or "") if node.parent is not None else "")
            return any(name.startswith("Choose a face") for name in names)
        for _ in range(120):
            node = focused(app)
            if node is not None and on_picker(node):
                break
            press(TAB)
        else:
            sys.exit("Tab never reached the face picker")
        press(RETURN)
        time.sleep(0.6)
        # GTK 4.8 marks nothing "showing": the popup is open when a face has the focus.
        face = focused(app)
        faces = face
        for _ in range(6):
            if faces is None or faces.name == "Faces":
                break
            faces = faces.parent
        if face is None or faces is None or faces.name != "Faces":
            sys.exit("the face picker's popup never showed its faces")
        look("face picker")
        check_controls_named(faces, "face picker", problems)
        n_faces = count(faces, lambda n: n.getRoleName() in ("toggle button", "push button") and n.name)
        if n_faces < 29:
            problems.append("face picker: %d named faces, not 29 (initials and 28 drawings)" % n_faces)
        press(ESCAPE)
        node = focused(app)
        if node is None or not on_picker(node):
            sys.exit("Escape did not close the face picker back to its button")

        # The confirmation before a story is deleted: asked, named, and Escape keeps the story.
        delete = None
        for _ in range(20):
            delete = find(app, lambda n: n.getRoleName() == "push button"
                          and (n.name or "").startswith("Delete “"))
            if delete is not None:
                break
            time.sleep(0.5)
        if delete is None:
            sys.exit("Your Stories never offered to delete the draft")
        do_action(delete)
        confirmation = None
        for _ in range(20):
            confirmation = find(app, lambda n: n.getRoleName() in ("dialog", "alert")
                                and find(n, lambda m: m.getRoleName() == "push button"
                                         and "Delete" in (m.name or "")
                                         and "“" not in (m.name or "")) is not None)
            if confirmation is not None:
                break
            time.sleep(0.5)
        if confirmation is None:
            sys.exit("deleting a story asked nothing first")
        look("delete confirmation")
        check_controls_named(confirmation, "delete confirmation", problems)
        for wanted in ("Cancel", "Delete"):
            if find(confirmation, lambda n: n.getRoleName() == "push button" and n.name == wanted) is None:
                problems.append("delete confirmation: no button named %r" % wanted)
        press(ESCAPE)
        if find(app, lambda n: n.getRoleName() == "push button"
                and (n.name or "").startswith("Delete “")) is None:
            sys.exit("Escape on the confirmation deleted the story")
    finally:
        exited = child.poll()
        if exited is not None:
            # Said here too: a walk that stops early because the app died
            # would otherwise blame whatever it was looking for.
            print("the app exited on its own (status %d)" % exited, file=sys.stderr)
        child.terminate()
        child.wait()
        shutil.rmtree(data_home, ignore_errors=True)

    if exited is not None:
        problems.append("the app exited on its own during the walk (status %d)" % exited)
    for problem in problems:
        print(problem)
    print("%d problems" % len(problems))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
