import TNAuthList
import X509

extension STICertificateProfile {
    /// Decides which STI profile a certificate was issued under.
    ///
    /// A reconstruction of ATIS-1000092 Figure 6.1 ("distinguishing between delegate and SHAKEN
    /// certificates"), whose text is not available: a SHAKEN end-entity certificate has a
    /// TNAuthList with only an SPC and is issued by an STI-CA that has no TNAuthList; a delegate
    /// certificate is issued by a CA that carries a TNAuthList, or lists TNs/ranges itself.
    ///
    /// - Parameters:
    ///   - cert: The certificate to classify.
    ///   - issuer: Its issuer's certificate, when known.
    /// - Returns: The profile; certificates that fit none exactly get the closest one.
    public static func classify(_ cert: Certificate, issuer: Certificate?) -> STICertificateProfile {
        let isCA: Bool
        if case .some(.isCertificateAuthority) = try? cert.extensions.basicConstraints {
            isCA = true
        } else {
            isCA = false
        }
        let hasTNAuthList = cert.extensions[oid: .STIR.tnAuthList] != nil
        let issuerHasTNAuthList = issuer.map { $0.extensions[oid: .STIR.tnAuthList] != nil } ?? false
        let listsNumbers: Bool
        if let list = (try? cert.extensions.tnAuthList) ?? nil {
            listsNumbers = !list.telephoneNumbers.isEmpty || !list.ranges.isEmpty
        } else {
            listsNumbers = false
        }

        if isCA {
            if !hasTNAuthList {
                return cert.issuer == cert.subject ? .root : .intermediate
            }
            return issuerHasTNAuthList ? .delegateCA : .subordinateCA
        }
        if issuerHasTNAuthList || listsNumbers {
            return .delegateEndEntity
        }
        return .endEntity
    }
}
