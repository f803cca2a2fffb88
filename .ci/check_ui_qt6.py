"""Build every .ui form given on the command line with PyQt6's uic, as QGIS 4 (Qt6) will (make check-qt6).

uic sets every property and enum of the form on real Qt6 widgets, so a property or enum value that Qt6 removed or
renamed (Qt::MidButton, QRegExp validators, QFont weights...) fails here. QGIS 4's own widgets are not available in
the chroot: each custom widget is built as the Qt class it <extends>, and properties only the QGIS class has are
listed as not checked.

Usage: QT_QPA_PLATFORM=offscreen python3 check_ui_qt6.py ui/*.ui   (exit status 1 when a form fails)
"""

import sys
import types
import xml.etree.ElementTree as ElementTree

from PyQt6 import QtWidgets, uic


def stand_in(class_name, base_name, unchecked):
    """A Qt6 class standing in for QGIS's ``class_name``: its base class, ignoring setters only QGIS's class has."""

    def ignore_unknown_setter(self, name):
        if not name.startswith('set'):
            raise AttributeError(name)
        unchecked.append('{}.{}'.format(class_name, name))
        return lambda *args: None

    base = getattr(QtWidgets, base_name)
    return type(class_name, (base,), {'__getattr__': ignore_unknown_setter})


def install_stand_ins(ui_file, unchecked):
    """Put a module for each custom widget header of ``ui_file`` (qgis.gui, ...) in sys.modules."""
    for custom in ElementTree.parse(ui_file).getroot().iter('customwidget'):
        header = custom.findtext('header').strip()
        module_name = header[:-2].replace('/', '.') if header.endswith('.h') else header
        package = ''
        for part in module_name.split('.'):
            package = package + '.' + part if package else part
            sys.modules.setdefault(package, types.ModuleType(package))
        class_name, base_name = custom.findtext('class').strip(), custom.findtext('extends').strip()
        setattr(sys.modules[module_name], class_name, stand_in(class_name, base_name, unchecked))


def check(ui_file):
    """Build ``ui_file``; return the error text, or None when it builds."""
    unchecked = []
    install_stand_ins(ui_file, unchecked)
    try:
        uic.loadUi(ui_file)
    except Exception as error:  # noqa: BLE001 (every uic failure is a finding)
        return '{}: {}'.format(type(error).__name__, error)
    if unchecked:
        print('{}: QGIS-only properties not checked: {}'.format(ui_file, ', '.join(sorted(set(unchecked)))))
    return None


def main(ui_files):
    application = QtWidgets.QApplication([])  # noqa: F841 (widgets need it)
    failures = 0
    for ui_file in ui_files:
        error = check(ui_file)
        if error:
            failures += 1
            print('check-qt6 [ui]: {} does not build with Qt6: {}'.format(ui_file, error))
        else:
            print('check-qt6 [ui]: {} builds with Qt6'.format(ui_file))
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
