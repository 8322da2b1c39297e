"""Writes tests/OneSeed.Data.Tests/GoldenVectors/image_folder.json: a fixed directory tree (names chosen to exercise
torchvision's ordering: code-point order with characters above U+FFFF, case, '/' against ' ' and '-', nested and
symlinked folders, extensions in mixed case, non-image files) and torchvision 0.14's ImageFolder listing of it, with
paths relative to the root; plus the error torchvision raises when a class folder holds no image.

Run with Debian's python3 (torchvision 0.14.1): /usr/bin/python3 tests/oracles/make_golden_image_folder.py
"""
import os
import sys
import tempfile

import torchvision

from image_folder import list_image_folder
from oracle_common import write_golden

DIRS = ['cat', 'Cat', 'dog', 'dog/a', 'dog/a b', 'dog/a-b', 'dog/a/b', 'ｆｕｌｌ', '😀', 'ɐ', '.hidden', 'zebra', 'zebra/ı', 'zebra/İ']
FILES = [
    'cat/1.png', 'cat/10.PNG', 'cat/2.jpg', 'cat/b.JpEg', 'cat/notes.txt', 'cat/x.pngx', 'cat/png', 'cat/y.tıf',
    'Cat/a.bmp', 'Cat/a.ppm', 'Cat/a.pgm', 'Cat/a.tif', 'Cat/a.tiff', 'Cat/a.webp', 'Cat/a.WEBP.bak',
    'dog/z.png', 'dog/a/z.png', 'dog/a b/z.png', 'dog/a-b/z.png', 'dog/a/b/z.png', 'dog/A.png', 'dog/_.png', 'dog/~.png',
    'ｆｕｌｌ/ｘ.png', 'ｆｕｌｌ/x.png', '😀/😀.png', '😀/ｚ.png', '😀/z.png', 'ɐ/ɐ.jpeg', '.hidden/.a.png',
    'zebra/ı/1.jpg', 'zebra/İ/1.jpg', 'zebra/1.JPG', 'root-file.png',
]
SYMLINKS = [['linked', 'cat'], ['zebra/to-dog-a', '../dog/a'], ['dog/link.png', 'z.png'], ['dog/broken.png', 'nowhere']]


def materialize(root, dirs, files, symlinks):
    for d in dirs:
        os.makedirs(os.path.join(root, d), exist_ok=True)
    for f in files:
        with open(os.path.join(root, f), 'wb') as out:
            out.write(f.encode('utf-8'))
    for link, target in symlinks:
        os.symlink(target, os.path.join(root, link))


def relative(listing, root):
    if 'samples' in listing:
        listing['samples'] = [[os.path.relpath(p, root), i] for p, i in listing['samples']]
    elif 'message' in listing:
        listing['message'] = listing['message'].replace(root, '<root>')
    return listing


def main():
    assert torchvision.__version__.startswith('0.14'), torchvision.__version__
    cases = []
    with tempfile.TemporaryDirectory() as tmp:
        root = os.path.join(tmp, 'ok')
        materialize(root, DIRS, FILES, SYMLINKS)
        cases.append({'name': 'tree', 'dirs': DIRS, 'files': FILES, 'symlinks': SYMLINKS, **relative(list_image_folder(root), root)})
        empty_dirs = ['a', 'b', 'c', 'd']
        empty_files = ['a/1.png', 'b/readme.txt', 'd/1.jpg']
        root = os.path.join(tmp, 'empty')
        materialize(root, empty_dirs, empty_files, [])
        cases.append({'name': 'empty class', 'dirs': empty_dirs, 'files': empty_files, 'symlinks': [], **relative(list_image_folder(root), root)})
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'OneSeed.Data.Tests', 'GoldenVectors', 'image_folder.json')
    write_golden(out, {'torchvision': torchvision.__version__, 'cases': cases})


if __name__ == '__main__':
    sys.exit(main())
