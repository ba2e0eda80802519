package build

import "golang.org/x/sys/unix"

// exchange swaps two folders in one step (renamex_np RENAME_SWAP), so that
// dest never disappears, not even for a moment. It reports false when the
// file system cannot do it; the caller then renames twice.
func exchange(a, b string) (bool, error) {
	err := unix.RenamexNp(a, b, unix.RENAME_SWAP)
	switch err {
	case nil:
		return true, nil
	case unix.ENOTSUP, unix.EINVAL:
		return false, nil
	}
	return false, err
}
