#!/bin/sh
# Qt6 readiness (make check-qt6; runs inside the trixie chroot, from a git checkout, with PyQt6 and qgis-pyqt5to6).
#
# QGIS's migration tool has no check mode: it rewrites files in place. It runs here on three copies of the tree:
#   qgis-bindings   QGIS 3's bindings importable (it learns QGIS's enums from them),
#   qgis-hidden     sys.modules['qgis'] = None (otherwise it misses Qt enums such as Qt.RightButton),
#   qgis4-only      --qgis3-incompatible-changes (QVariant field types and the like),
# and the check fails, showing the diff, when any copy differs from the tree. Then every ui/*.ui is built with
# PyQt6's uic (.ci/check_ui_qt6.py). Exit status: 0 when nothing would change.
set -eu
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
git ls-files -z '*.py' | tar --null -T - -cf "$work/tree.tar"
mkdir "$work/original"
tar -C "$work/original" -xf "$work/tree.tar"
status=0

migrate() {  # migrate NAME PRELUDE [TOOL OPTIONS]: run the tool on a fresh copy and compare it with the original
    name=$1 prelude=$2
    shift 2
    mkdir "$work/$name"
    tar -C "$work/$name" -xf "$work/tree.tar"
    tool_status=0
    python3 -c "import sys; $prelude; from pyqt5to6.pyqt5to6 import main; sys.exit(main(sys.argv[1:]))" \
        "$work/$name" "$@" > "$work/$name.log" 2>&1 || tool_status=$?
    if [ "$tool_status" -gt 1 ] || grep -q Traceback "$work/$name.log"; then
        echo "check-qt6 [$name]: the migration tool failed (exit $tool_status):"
        cat "$work/$name.log"
        status=1
    elif ! (cd "$work" && diff -ru "original" "$name" > "$name.diff"); then
        echo "check-qt6 [$name]: pyqt5to6${*:+ $*} would change $(grep -c '^+[^+]' "$work/$name.diff") lines" \
            "in $(grep -c '^diff ' "$work/$name.diff") files:"
        cat "$work/$name.diff"
        status=1
    else
        echo "check-qt6 [$name]: nothing to change"
    fi
}

migrate qgis-bindings 'pass'
migrate qgis-hidden "sys.modules['qgis'] = None"
migrate qgis4-only 'pass' --qgis3-incompatible-changes
QT_QPA_PLATFORM=offscreen python3 .ci/check_ui_qt6.py ui/*.ui || status=1
exit $status
