import Crypto
import SwiftASN1
import TNAuthList
import X509

extension SHAKENChainPolicy {
    /// The profile rules checked at verification time (ATIS-1000080 §6.4.1, ATIS-1000092 §5.3.6,
    /// RFC 9060 §4, RFC 8226 §9–§10). Issuance-only rules (names, SKI form, serial entropy) are the
    /// linter's job.
    ///
    /// - Leaf: basicConstraints not cA; keyUsage exactly digitalSignature; a P-256 key; a TNAuthList
    ///   by value (by reference → `byReferenceUnsupported`); certificatePolicies holding an accepted OID.
    /// - Every other certificate: basicConstraints cA=TRUE; keyUsage, when present, with keyCertSign;
    ///   a P-256 or P-384 key (CP v1.4); no critical JWT claim constraints; a decodable TNAuthList.
    func profileFailures(_ chain: [Certificate]) -> [STIChainFailure] {
        var failures = leafFailures(chain[0])
        for index in chain.indices.dropFirst() {
            failures += authorityFailures(chain[index], index: index)
        }
        return failures
    }

    private func leafFailures(_ leaf: Certificate) -> [STIChainFailure] {
        var failures: [STIChainFailure] = []
        func fail(_ code: STIChainFailure.Code, _ reason: String) {
            failures.append(STIChainFailure(code, "leaf \(leaf.chainLabel): \(reason)", certificateIndex: 0))
        }
        let extensions = leaf.extensions
        do {
            if case .isCertificateAuthority = try extensions.basicConstraints {
                fail(.profileViolation, "an end-entity certificate must have cA=FALSE")
            }
        } catch {
            fail(.profileViolation, "malformed basicConstraints: \(error)")
        }
        do {
            if let keyUsage = try extensions.keyUsage {
                if keyUsage != KeyUsage(digitalSignature: true) {
                    fail(.profileViolation, "keyUsage must be exactly digitalSignature, found \(keyUsage)")
                }
            } else {
                fail(.profileViolation, "keyUsage with digitalSignature is required")
            }
        } catch {
            fail(.profileViolation, "malformed keyUsage: \(error)")
        }
        if P256.Signing.PublicKey(leaf.publicKey) == nil {
            fail(.unsupportedKey, "the key must be an ECDSA P-256 key")
        }
        do {
            switch try extensions.tnAuthListSource {
            case .byValue:
                break
            case .byReference(let uris):
                fail(.byReferenceUnsupported, "the TNAuthList is by reference (\(uris.joined(separator: ", "))), which is not resolved")
            case .absent:
                fail(.profileViolation, "a TNAuthList is required")
            }
        } catch {
            fail(.profileViolation, "malformed TNAuthList: \(error)")
        }
        do {
            let identifiers = try extensions.certificatePolicies?.policyIdentifiers ?? []
            if !identifiers.contains(where: configuration.acceptedPolicies.contains) {
                let found = identifiers.isEmpty ? "none" : identifiers.map(String.init(describing:)).joined(separator: ", ")
                fail(.policyNotAccepted, "no accepted SHAKEN certificate policy (found \(found))")
            }
        } catch {
            fail(.profileViolation, "malformed certificatePolicies: \(error)")
        }
        do {
            _ = try extensions.jwtClaimConstraints
            _ = try extensions.enhancedJWTClaimConstraints
        } catch {
            fail(.profileViolation, "malformed JWT claim constraints: \(error)")
        }
        return failures
    }

    private func authorityFailures(_ certificate: Certificate, index: Int) -> [STIChainFailure] {
        var failures: [STIChainFailure] = []
        func fail(_ code: STIChainFailure.Code, _ reason: String) {
            failures.append(STIChainFailure(code, "CA \(certificate.chainLabel): \(reason)", certificateIndex: index))
        }
        let extensions = certificate.extensions
        do {
            if case .isCertificateAuthority = try extensions.basicConstraints {
            } else {
                fail(.profileViolation, "an issuing certificate must have basicConstraints cA=TRUE")
            }
        } catch {
            fail(.profileViolation, "malformed basicConstraints: \(error)")
        }
        do {
            if let keyUsage = try extensions.keyUsage, !keyUsage.keyCertSign {
                fail(.profileViolation, "keyUsage lacks keyCertSign")
            }
        } catch {
            fail(.profileViolation, "malformed keyUsage: \(error)")
        }
        if P256.Signing.PublicKey(certificate.publicKey) == nil, P384.Signing.PublicKey(certificate.publicKey) == nil {
            fail(.unsupportedKey, "the key must be an ECDSA P-256 or P-384 key")
        }
        for oid in [ASN1ObjectIdentifier.STIR.jwtClaimConstraints, .STIR.enhancedJWTClaimConstraints]
        where extensions[oid: oid]?.critical == true {
            fail(.profileViolation, "critical JWT claim constraints (\(oid)) on a CA certificate are not enforced")
        }
        do {
            _ = try extensions.tnAuthListSource
        } catch {
            fail(.profileViolation, "malformed TNAuthList: \(error)")
        }
        return failures
    }
}
