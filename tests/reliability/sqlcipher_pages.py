"""Decrypting a SQLCipher 4 vault page by page, to see what its pages really hold
(free pages and stale index segments included, which ``sqlcipher_export`` skips).

SQLCipher 4 defaults: key = PBKDF2-HMAC-SHA512(passphrase, salt, 256,000, 32 bytes),
salt = the file's first 16 bytes, 4096-byte pages each encrypted with AES-256-CBC, the
IV in the first 16 bytes of the page's 80-byte reserve (then a 64-byte HMAC). AES
comes from the OpenSSL libcrypto that Python's own ``ssl`` module links to.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import hashlib
import unicodedata
from pathlib import Path

PAGE = 4096
RESERVE = 80
KDF_ITERATIONS = 256_000


def _libcrypto() -> ctypes.CDLL:
    name = ctypes.util.find_library("crypto")
    if name is None:  # fall back to the library _ssl is linked against
        import _ssl

        name = _ssl.__file__
    lib = ctypes.CDLL(name)
    lib.EVP_CIPHER_CTX_new.restype = ctypes.c_void_p
    lib.EVP_aes_256_cbc.restype = ctypes.c_void_p
    lib.EVP_DecryptInit_ex.argtypes = [ctypes.c_void_p] * 5
    lib.EVP_CIPHER_CTX_set_padding.argtypes = [ctypes.c_void_p, ctypes.c_int]
    lib.EVP_DecryptUpdate.argtypes = [
        ctypes.c_void_p,
        ctypes.c_char_p,
        ctypes.POINTER(ctypes.c_int),
        ctypes.c_char_p,
        ctypes.c_int,
    ]
    lib.EVP_CIPHER_CTX_free.argtypes = [ctypes.c_void_p]
    return lib


def _aes_256_cbc_decrypt(lib: ctypes.CDLL, key: bytes, iv: bytes, data: bytes) -> bytes:
    ctx = lib.EVP_CIPHER_CTX_new()
    try:
        assert lib.EVP_DecryptInit_ex(ctx, lib.EVP_aes_256_cbc(), None, key, iv) == 1
        lib.EVP_CIPHER_CTX_set_padding(ctx, 0)
        out = ctypes.create_string_buffer(len(data) + 32)
        written = ctypes.c_int(0)
        assert lib.EVP_DecryptUpdate(ctx, out, ctypes.byref(written), data, len(data)) == 1
        return out.raw[: written.value]
    finally:
        lib.EVP_CIPHER_CTX_free(ctx)


def decrypted_pages(path: Path, passphrase: str) -> list[bytes]:
    """Every page of the vault file, decrypted (page 1 without its 16-byte salt)."""
    data = Path(path).read_bytes()
    salt = data[:16]
    secret = unicodedata.normalize("NFC", passphrase).encode()
    key = hashlib.pbkdf2_hmac("sha512", secret, salt, KDF_ITERATIONS, 32)
    lib = _libcrypto()
    pages = []
    for start in range(0, len(data) - PAGE + 1, PAGE):
        page = data[start : start + PAGE]
        body = page[16 : PAGE - RESERVE] if start == 0 else page[: PAGE - RESERVE]
        iv = page[PAGE - RESERVE : PAGE - RESERVE + 16]
        pages.append(_aes_256_cbc_decrypt(lib, key, iv, body))
    return pages


def looks_decrypted(first_page: bytes) -> bool:
    """Page 1 after the salt starts with the SQLite header fields (page size 4096,
    payload fractions 64/32/32) only when the key was right."""
    return first_page[0:2] == b"\x10\x00" and first_page[5:8] == b"\x40\x20\x20"
