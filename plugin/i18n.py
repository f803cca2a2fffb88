"""Load the plugin's Qt translation for the user's QGIS locale."""

import os

from qgis.core import QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QLocale, QTranslator

I18N_DIR = os.path.join(os.path.dirname(os.path.dirname(__file__)), 'resources', 'i18n')


def user_locale():
    """The locale QGIS runs in, e.g. 'zh_CN' or 'en_US'."""
    settings = QgsSettings()
    if settings.value('locale/overrideFlag', False, type=bool):
        return settings.value('locale/userLocale', 'en_US') or 'en_US'
    return settings.value('locale/userLocale', '') or QLocale.system().name()


def install_translator(locale=None):
    """Install the .qm matching ``locale`` (default: QGIS's) and return the translator, or None."""
    locale = locale or user_locale()
    candidates = [locale, locale.split('_')[0]]
    for name in candidates:
        path = os.path.join(I18N_DIR, 'reserve_planner_{}.qm'.format(name))
        if os.path.exists(path):
            translator = QTranslator()
            if translator.load(path):
                QCoreApplication.installTranslator(translator)
                return translator
    return None


def remove_translator(translator):
    """Undo install_translator."""
    if translator is not None:
        QCoreApplication.removeTranslator(translator)
