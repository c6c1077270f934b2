class CertificateError(Exception):
    """A change the certificate does not allow; the text is shown to the person who tried."""
