// STIRCertificates module. See README.md for the layer it belongs to.
