"""Keep the zh_CN translation complete: extract strings, update the .ts files, check, compile.

    /usr/bin/python3 resources/i18n/i18n_tool.py update    # add new strings (unfinished), drop stale ones
    /usr/bin/python3 resources/i18n/i18n_tool.py check     # exit 1 if any string lacks a translation
    /usr/bin/python3 resources/i18n/i18n_tool.py compile   # lrelease -> reserve_planner_zh_CN.qm
    /usr/bin/python3 resources/i18n/i18n_tool.py fill < zh.json  # {"English source": "中文", ...} -> .ts files

Strings are found statically: ``self.tr('...')`` (context: the enclosing class), ``tr('...')`` (context:
the literal in the module's own ``def tr`` helper), ``QCoreApplication.translate('Ctx', '...')``,
``N_('...')`` in the engine (context ReservePlannerEngine) and ``<string>`` elements of ui/*.ui files.
There is one .ts file per source file in resources/i18n/zh_CN/, so parallel work never edits the same file.
"""

import ast
import glob
import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import OrderedDict

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TS_DIR = os.path.join(REPO, 'resources', 'i18n', 'zh_CN')
QM_FILE = os.path.join(REPO, 'resources', 'i18n', 'reserve_planner_zh_CN.qm')
SOURCE_DIRS = ('plugin', 'processing', 'ui')
ENGINE_CONTEXT = 'ReservePlannerEngine'


def source_files():
    files = [os.path.join(REPO, '__init__.py')]
    for folder in SOURCE_DIRS:
        for root, _dirs, names in os.walk(os.path.join(REPO, folder)):
            files.extend(os.path.join(root, name) for name in names if name.endswith(('.py', '.ui')))
    return sorted(files)


def ts_path(source):
    relative = os.path.relpath(source, REPO)
    return os.path.join(TS_DIR, relative.replace(os.sep, '.') + '.ts')


def _literal(node):
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _module_tr_context(tree):
    """The context of the module's ``tr``: ``def tr`` calling translate('Ctx', ...) or ``tr = translator('Ctx')``."""
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name == 'tr':
            for inner in ast.walk(node):
                if isinstance(inner, ast.Call) and getattr(inner.func, 'attr', None) == 'translate' and inner.args:
                    return _literal(inner.args[0])
        if (isinstance(node, ast.Assign) and [getattr(target, 'id', None) for target in node.targets] == ['tr']
                and isinstance(node.value, ast.Call) and node.value.args):
            return _literal(node.value.args[0])
    return None


def python_messages(path):
    """(context, text) pairs of one .py file, in order of appearance."""
    with open(path, encoding='utf-8') as handle:
        tree = ast.parse(handle.read(), path)
    module_context = _module_tr_context(tree)
    found = []

    def visit(node, class_name):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.ClassDef):
                visit(child, child.name)
                continue
            if isinstance(child, ast.Call):
                found.extend(_call_messages(child, class_name, module_context, path))
            visit(child, class_name)

    visit(tree, None)
    return found


def _call_messages(call, class_name, module_context, path):
    func = call.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, 'id', None)
    args = [_literal(arg) for arg in call.args]
    if name == 'tr' and args and args[0] is not None:
        is_method = isinstance(func, ast.Attribute) and getattr(func.value, 'id', None) == 'self'
        context = class_name if is_method else module_context
        if context is None:
            raise SystemExit('{}:{}: tr() with no context: define a module-level tr()'.format(path, call.lineno))
        return [(context, args[0])]
    if name == 'translate' and len(args) >= 2 and args[0] and args[1]:
        return [(args[0], args[1])]
    if name == 'N_' and args and args[0] is not None:
        return [(ENGINE_CONTEXT, args[0])]
    return []


def ui_messages(path):
    root = ET.parse(path).getroot()
    context = root.findtext('class')
    return [(context, node.text) for node in root.iter('string') if node.text and node.get('notr') != 'true']


def extract():
    """OrderedDict: .ts path -> list of unique (context, text)."""
    result = OrderedDict()
    for path in source_files():
        messages = ui_messages(path) if path.endswith('.ui') else python_messages(path)
        unique = list(OrderedDict.fromkeys(messages))
        if unique:
            result[ts_path(path)] = unique
    return result


def read_translations():
    """(context, text) -> translation from every existing .ts file (finished or not)."""
    known = {}
    for path in glob.glob(os.path.join(TS_DIR, '*.ts')):
        for context in ET.parse(path).getroot().iter('context'):
            name = context.findtext('name')
            for message in context.iter('message'):
                translation = message.find('translation')
                finished = translation is not None and translation.get('type') != 'unfinished'
                if translation is not None and translation.text and finished:
                    known[(name, message.findtext('source'))] = translation.text
    return known


def conflicts():
    """(context, source, translations) of every message translated differently in two .ts files."""
    seen = {}
    for path in glob.glob(os.path.join(TS_DIR, '*.ts')):
        for context in ET.parse(path).getroot().iter('context'):
            name = context.findtext('name')
            for message in context.iter('message'):
                translation = message.find('translation')
                if translation is not None and translation.text and translation.get('type') != 'unfinished':
                    seen.setdefault((name, message.findtext('source')), set()).add(translation.text)
    return [(context, source, sorted(texts)) for (context, source), texts in seen.items() if len(texts) > 1]


def write_ts(path, messages, known):
    root = ET.Element('TS', version='2.1', language='zh_CN')
    contexts = OrderedDict()
    for context, text in messages:
        contexts.setdefault(context, []).append(text)
    for context, texts in contexts.items():
        context_node = ET.SubElement(root, 'context')
        ET.SubElement(context_node, 'name').text = context
        for text in texts:
            message = ET.SubElement(context_node, 'message')
            ET.SubElement(message, 'source').text = text
            translation = ET.SubElement(message, 'translation')
            if (context, text) in known:
                translation.text = known[(context, text)]
            else:
                translation.set('type', 'unfinished')
    ET.indent(root)
    with open(path, 'wb') as handle:
        handle.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        handle.write(ET.tostring(root, encoding='utf-8'))
        handle.write(b'\n')


def update():
    known = read_translations()
    wanted = extract()
    os.makedirs(TS_DIR, exist_ok=True)
    for stale in set(glob.glob(os.path.join(TS_DIR, '*.ts'))) - set(wanted):
        os.remove(stale)
    for path, messages in wanted.items():
        write_ts(path, messages, known)
    return missing()


def missing():
    """Messages the code uses that have no finished translation."""
    known = read_translations()
    return [(path, context, text) for path, messages in extract().items()
            for context, text in messages if (context, text) not in known]


def compile_qm():
    """Merge every .ts (one message per context and source) and compile it with lrelease."""
    known = read_translations()
    merged = os.path.join(TS_DIR, '..', '.merged_zh_CN.ts')
    write_ts(merged, sorted(known), known)
    lrelease = 'lrelease' if subprocess.call(['which', 'lrelease'], stdout=subprocess.DEVNULL) == 0 else 'lrelease-qt5'
    try:
        subprocess.check_call([lrelease, '-silent', merged, '-qm', QM_FILE])
    finally:
        os.remove(merged)


def fill(translations):
    """Translate every unfinished message whose source is a key of ``translations``, then update.

    Finished translations are left alone, so filling one module's strings never rewrites another's.
    """
    for path in glob.glob(os.path.join(TS_DIR, '*.ts')):
        tree = ET.parse(path)
        for message in tree.getroot().iter('message'):
            text = translations.get(message.findtext('source'))
            translation = message.find('translation')
            if text and (translation.get('type') == 'unfinished' or not translation.text):
                translation.text = text
                translation.attrib.pop('type', None)
        tree.write(path, encoding='utf-8', xml_declaration=True)
    update()


def main(command):
    if command == 'update':
        update()
    elif command == 'fill':
        fill(json.load(sys.stdin))
    elif command == 'compile':
        compile_qm()
        return 0
    untranslated = missing()
    for path, context, text in untranslated:
        print('untranslated: {} [{}] {!r}'.format(os.path.relpath(path, REPO), context, text))
    print('{} strings without a zh_CN translation'.format(len(untranslated)))
    return 1 if untranslated and command == 'check' else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else 'check'))
