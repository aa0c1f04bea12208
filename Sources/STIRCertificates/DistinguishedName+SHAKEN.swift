import X509

extension DistinguishedName {
    /// A subject or issuer name with the attributes the STI profiles require: C, O, CN
    /// (ATIS-1000080 v005 §6.4.1; C is an ISO 3166-1 alpha-2 code).
    ///
    /// - Parameters:
    ///   - commonName: The CN, e.g. `SHAKEN 1234` for an end-entity certificate.
    ///   - organization: The legal name of the STI-CA or STI participant.
    ///   - country: The two-letter country code, e.g. `US`.
    /// - Throws: ``STIRCertificatesError`` `invalidExtensionValue` when `country` is not two uppercase letters.
    public static func shaken(commonName: String, organization: String, country: String) throws -> DistinguishedName {
        guard country.utf8.count == 2, country.utf8.allSatisfy({ (0x41...0x5A).contains($0) }) else {
            throw STIRCertificatesError(.invalidExtensionValue, "country '\(country)' is not an ISO 3166-1 alpha-2 code")
        }
        return try DistinguishedName {
            CountryName(country)
            OrganizationName(organization)
            CommonName(commonName)
        }
    }
}
