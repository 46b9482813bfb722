"""setup.py — install the reportlint Python package (pure Python: a ctypes
binding of libreportlint.so). Offline, with Debian's setuptools:

    make                                        # builds build/libreportlint.so
    pip install --no-build-isolation ./python   # or: python3 setup.py install

When ../build/libreportlint.so exists (or $REPORTLINT_LIB names one), a copy
is bundled in the package (reportlint/_native/), so the installed package
works without `make install` — e.g. on Dask workers. See docs/python.md."""
import os
import shutil

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = os.path.dirname(os.path.abspath(__file__))


def version():
    with open(os.path.join(HERE, "reportlint", "__init__.py")) as f:
        for line in f:
            if line.startswith("__version__"):
                return line.split('"')[1]
    raise RuntimeError("no __version__")


class build_with_library(build_py):
    """build_py, then bundle libreportlint.so when one is at hand."""

    def run(self):
        super().run()
        lib = os.environ.get("REPORTLINT_LIB") or os.path.join(HERE, "..", "build",
                                                                "libreportlint.so")
        if os.path.exists(lib):
            dest = os.path.join(self.build_lib, "reportlint", "_native")
            os.makedirs(dest, exist_ok=True)
            shutil.copy2(lib, os.path.join(dest, "libreportlint.so"))
            self.announce("bundled %s" % lib, level=2)


setup(
    name="reportlint",
    version=version(),
    description="Check JSON reports against declarative rule sets (Python binding and Dask)",
    packages=["reportlint"],
    python_requires=">=3.8",
    extras_require={"dask": ["dask[bag]", "distributed"]},
    cmdclass={"build_py": build_with_library},
    zip_safe=False,
)
