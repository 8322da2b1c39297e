"""Live oracle for OneSeed.Data's ImageFolderDataset: torchvision 0.14's ImageFolder listing of a directory tree.

Each case is {"root": path}; the answer is torchvision's classes, class_to_idx and samples (paths and class indices),
or the exception torchvision raises (an empty class folder raises FileNotFoundError in 0.14; it has no allow_empty).
"""
import torchvision
from torchvision.datasets import ImageFolder
from oracle_common import serve


def list_image_folder(root):
    try:
        dataset = ImageFolder(root)
    except Exception as e:  # noqa: BLE001 - the exception's type and message are the answer
        return {'error': type(e).__name__, 'message': str(e)}
    return {
        'classes': dataset.classes,
        'class_to_idx': dataset.class_to_idx,
        'samples': [[path, index] for path, index in dataset.samples],
        'torchvision': torchvision.__version__,
    }


if __name__ == '__main__':
    serve({'image_folder': lambda case: list_image_folder(case['root'])})
