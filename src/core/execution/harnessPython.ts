// The Python half of the execution harness, as source text. It runs once, right after Pyodide has
// loaded and before any untrusted code: it binds everything it needs, snapshots the interpreter's
// state and returns the helpers the JS side drives. The verdict itself is decided on the JS side
// (whether `exec` of the real tests returned), so nothing here can be monkeypatched into a pass.

/**
 * Python source defining `_tabeval_harness(preload)`. Called with a list of module names to import
 * before the snapshot, it returns a tuple `(begin, finish, describe)`:
 * - `begin()` arms the audit guard (no `import js`/`pyodide`, no `sys.settrace`, no `gc` object
 *   walks, no file writes outside /tmp) and hides Pyodide's JS bridges from `sys.modules`;
 * - `finish(namespace)` clears the case's namespace, restores builtins, every module's dict,
 *   `sys.modules`, `sys.path`/`meta_path`/`path_hooks`, the recursion limit and the working
 *   directory, collects garbage while still guarded (so a `__del__` runs under the guard) and
 *   restores again if anything was collected, then disarms;
 * - `describe(exc)` returns `(category, type_name, message, file, line, exit_code)` for an
 *   exception, with the innermost frame in `<setup>`/`<solution>`/`<tests>` (a runtime error
 *   prefers `<solution>`).
 */
export const HARNESS_PYTHON = String.raw`
def _tabeval_harness(preload):
    import sys, builtins, gc, os
    for _name in preload:
        try:
            __import__(_name)
        except Exception:
            pass

    _isinstance = isinstance
    _getattr = getattr
    _type = type
    _str = str
    _int = int
    _dict = dict
    _list = list
    _tuple = tuple
    _repr = repr
    _BaseException = BaseException
    _PermissionError = PermissionError
    _categories = (
        (AssertionError, 'assertion'),
        (SyntaxError, 'syntax'),
        (KeyboardInterrupt, 'interrupt'),
        (MemoryError, 'memory'),
        (SystemExit, 'exit'),
    )
    _files = frozenset(('<setup>', '<solution>', '<tests>'))
    try:
        raise ValueError
    except ValueError as _e:
        _TracebackType = _type(_e.__traceback__)
    _collect = gc.collect
    _setrecursionlimit = sys.setrecursionlimit
    _recursion_limit = sys.getrecursionlimit()
    _chdir = os.chdir
    _cwd = os.getcwd()
    _modules = sys.modules
    _meta_path = sys.meta_path
    _path_cache = sys.path_importer_cache

    _blocked_top = frozenset(('js', 'pyodide', 'pyodide_js', '_pyodide', '_pyodide_core', 'micropip', 'ctypes', '_ctypes'))
    _blocked_events = frozenset((
        'sys.settrace', 'sys.setprofile', 'sys.addaudithook', 'sys._current_frames',
        'gc.get_objects', 'gc.get_referrers', 'gc.get_referents',
    ))
    _guard = [False]

    def _writes(mode, flags):
        if _isinstance(mode, _str):
            return 'w' in mode or 'a' in mode or 'x' in mode or '+' in mode
        return _isinstance(flags, _int) and (flags & 3 != 0 or flags & 64 != 0)

    def _hook(event, args):
        if not _guard[0]:
            return
        if event == 'import':
            name = args[0]
            if _isinstance(name, _str) and name.partition('.')[0] in _blocked_top:
                raise _PermissionError('the sandbox does not allow importing ' + name)
        elif event in _blocked_events:
            raise _PermissionError('the sandbox does not allow ' + event)
        elif event == 'open' and _writes(args[1], args[2]):
            path = args[0]
            if not (_isinstance(path, _str) and path.startswith('/tmp/')):
                raise _PermissionError('the sandbox does not allow writing files outside /tmp: ' + _repr(path))

    sys.addaudithook(_hook)

    _saved_modules = _dict(_modules)
    _saved_dicts = _tuple(
        (m.__dict__, _dict(m.__dict__))
        for m in _saved_modules.values()
        if _isinstance(_getattr(m, '__dict__', None), _dict)
    )
    _saved_lists = _tuple((l, _list(l)) for l in (sys.path, sys.meta_path, sys.path_hooks))
    _saved_cache = _dict(_path_cache)
    _bridge_modules = _tuple(n for n in _saved_modules if n.partition('.')[0] in _blocked_top)
    _bridge_finders = _tuple(f for f in _meta_path if _str(_type(f).__module__).startswith('_pyodide'))
    _missing = object()

    def _restore_dict(d, saved):
        for k in _list(d):
            if k not in saved:
                del d[k]
        for k, v in saved.items():
            if d.get(k, _missing) is not v:
                d[k] = v

    def _restore():
        for d, saved in _saved_dicts:
            _restore_dict(d, saved)
        _restore_dict(_modules, _saved_modules)
        for l, saved in _saved_lists:
            l[:] = saved
        _restore_dict(_path_cache, _saved_cache)
        _setrecursionlimit(_recursion_limit)
        try:
            _chdir(_cwd)
        except _BaseException:
            pass

    def begin():
        for n in _bridge_modules:
            _modules.pop(n, None)
        for f in _bridge_finders:
            while f in _meta_path:
                _meta_path.remove(f)
        _guard[0] = True

    def finish(namespace):
        try:
            namespace.clear()
        except _BaseException:
            pass
        _restore()
        try:
            found = _collect()
        except _BaseException:
            found = 1
        if found:
            # A collected object's __del__ ran (guarded) and may have patched something again.
            _restore()
        _guard[0] = False

    def _text(value):
        try:
            return _str(value)
        except _BaseException:
            return '(the value could not be shown)'

    def describe(exc):
        category = 'other'
        for cls, name in _categories:
            if _isinstance(exc, cls):
                category = name
                break
        type_name = _text(_getattr(_type(exc), '__name__', 'Exception'))
        message = _text(exc)
        file = None
        line = None
        exit_code = None
        try:
            if category == 'syntax':
                f = _getattr(exc, 'filename', None)
                n = _getattr(exc, 'lineno', None)
                file = f if _isinstance(f, _str) else None
                line = n if _isinstance(n, _int) else None
                message = _text(_getattr(exc, 'msg', message))
            else:
                frames = []
                tb = _getattr(exc, '__traceback__', None)
                steps = 0
                while _isinstance(tb, _TracebackType) and steps < 10000:
                    name = tb.tb_frame.f_code.co_filename
                    if name in _files:
                        frames.append((name, tb.tb_lineno))
                    tb = tb.tb_next
                    steps += 1
                if frames:
                    pick = frames[-1]
                    if category == 'other':
                        for frame in frames:
                            if frame[0] == '<solution>':
                                pick = frame
                    file = pick[0]
                    line = pick[1] if _isinstance(pick[1], _int) else None
            if category == 'exit':
                code = _getattr(exc, 'code', None)
                exit_code = None if code is None else _text(_repr(code))
        except _BaseException:
            pass
        return (category, type_name, message, file, line, exit_code)

    # Startup objects move to the permanent generation: a full collection after each job then
    # only walks what the job made.
    gc.collect()
    gc.freeze()
    return (begin, finish, describe)
`;

/** Modules imported before the snapshot: what HumanEval/MBPP solutions import most, so a case does not pay for them. */
export const HARNESS_PRELOAD = [
  'typing',
  'math',
  're',
  'collections',
  'itertools',
  'functools',
  'heapq',
  'bisect',
  'string',
] as const;
