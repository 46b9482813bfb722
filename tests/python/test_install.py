"""test_install.py — `pip install ./python` works offline (no index, no
build isolation: Debian's setuptools) into a virtual environment, bundles
libreportlint.so, and the installed package checks a report on its own
(run from elsewhere, without REPORTLINT_LIB)."""
import os
import shutil
import subprocess
import sys
import unittest

import common
from common import ROOT, BUILD, tmpdir


class TestPipInstall(unittest.TestCase):
    def test_pip_install_offline(self):
        d = tmpdir()
        src = os.path.join(d, "src")
        shutil.copytree(os.path.join(ROOT, "python"), src,
                        ignore=shutil.ignore_patterns("build", "*.egg-info", "__pycache__"))
        venv = os.path.join(d, "venv")
        subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", venv], check=True)
        py = os.path.join(venv, "bin", "python")
        env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "REPORTLINT_LIB")}
        env["REPORTLINT_LIB"] = os.path.join(BUILD, "libreportlint.so")  # bundled at build
        env["PIP_NO_INDEX"] = "1"
        p = subprocess.run([py, "-m", "pip", "install", "--no-index", "--no-build-isolation",
                            src], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        self.assertEqual(p.returncode, 0, p.stdout.decode())
        del env["REPORTLINT_LIB"]
        sample = os.path.join(ROOT, "samples", "national", "2025-09-29.json")
        code = ("import reportlint, reportlint._lib as L; "
                "r = reportlint.Rules(%r).check_file(%r); "
                "print(L.lib._name); print(r.summary['violations']['total'])"
                % (os.path.join(ROOT, "rules"), sample))
        p = subprocess.run([py, "-c", code], env=env, cwd=d, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT)
        self.assertEqual(p.returncode, 0, p.stdout.decode())
        where, total = p.stdout.decode().split()
        self.assertTrue(where.startswith(venv) and "_native" in where, where)
        want, _ = common.cli("-r", os.path.join(ROOT, "rules"), sample)
        self.assertEqual(int(total), want["summary"]["violations"]["total"])


if __name__ == "__main__":
    unittest.main()
