import Crypto
import PASSporT
import STIRCertificates
import SwiftASN1
import TNAuthList
import X509

/// An originating service provider's attestation decision and signing
/// (ATIS-1000074 §5.2.4, ATIS-1000092 §4.2 and §6.2.1 — reconstructed, see below).
///
/// Rules, in order (the first that applies wins):
/// 1. **A, ``AttestationRule/assignedNumber``** — the customer is a direct, authenticated customer
///    (UNI relationship) and the OSP assigned the calling number to it: the three conditions of
///    ATIS-1000092 §1.2 hold from the OSP's own records; no customer PASSporT is needed.
/// 2. **A, ``AttestationRule/delegateCertificate``** — the customer sent a base or `rcd` PASSporT
///    that fully verifies (``VerificationService/verifyCustomerPASSporT(_:)``: chain to the STI-PA
///    trust list, CRLs, scope encompassing at every delegation link, freshness, ES256 signature,
///    `orig`/`dest` equal to the call's), the signing certificate is a delegate certificate
///    (``ValidatedSTIChain/isDelegate``) and its TNAuthList contains the calling number. The
///    delegate certificate stands in for conditions 2 and 3, also for customers of customers.
/// 3. **B, ``AttestationRule/directCustomerUnverifiedNumber``** — a direct, authenticated customer
///    whose number could not be verified (no customer PASSporT, or one that failed: the failure
///    is kept in the evidence).
/// 4. **C, ``AttestationRule/gateway``** — anything else.
///
/// The OSP then signs its own SHAKEN PASSporT with that level and the call's `origid`, with the
/// call's time as `iat`. Time and `origid` come from the caller; nothing here reads a clock.
public struct OSPAttestationService: Sendable {
    /// Verifies customers' PASSporTs.
    public let verification: VerificationService
    /// Signs the OSP's SHAKEN PASSporT.
    public let signer: AuthenticationService

    /// Creates the service.
    public init(verification: VerificationService, signer: AuthenticationService) {
        self.verification = verification
        self.signer = signer
    }

    /// Decides the attestation level for `call` and signs the OSP's SHAKEN PASSporT.
    ///
    /// - Throws: ``STIRServicesError`` from ``AuthenticationService/sign(orig:dest:attest:origid:iat:)``
    ///   (e.g. `staleSigningTime` when the call's time is outside the signer's freshness window).
    public func attest(call: OriginatingCall) async throws(STIRServicesError) -> AttestationDecision {
        let (level, rule, evidence) = await decide(call)
        let header = try signer.sign(orig: call.orig, dest: call.dest, attest: level, origid: call.origid, iat: call.now)
        return AttestationDecision(level: level, rule: rule, evidence: evidence, identityHeader: header)
    }

    private func decide(_ call: OriginatingCall) async -> (Attestation, AttestationRule, AttestationEvidence) {
        var evidence = AttestationEvidence()
        if call.customer.isDirectCustomer, call.customer.assignedNumbers.contains(call.orig) {
            evidence.notes.append("calling number assigned by this OSP to customer \(call.customer.id)")
            return (.full, .assignedNumber, evidence)
        }
        if !call.customerIdentityHeaders.isEmpty {
            let request = VerificationRequest(identityHeaders: call.customerIdentityHeaders, orig: call.orig, dest: call.dest, now: call.now)
            let outcome = await verification.verifyCustomerPASSporT(request)
            evidence.customerVerstat = outcome.verstat
            evidence.customerFailure = outcome.failure
            evidence.customerFailureReason = outcome.failureReason
            evidence.notes += outcome.notes
            if let chain = outcome.chain { Self.record(chain, in: &evidence) }
            if outcome.failure == nil, let chain = outcome.chain {
                if chain.isDelegate, chain.leafScope.hasNumbers, chain.leafScope.contains(call.orig) {
                    return (.full, .delegateCertificate, evidence)
                }
                evidence.customerFailureReason =
                    chain.isDelegate
                    ? "the delegate certificate's TNAuthList does not list \(call.orig.digits)"
                    : "the customer's PASSporT was not signed with a delegate certificate (\(chain.leafProfile))"
            }
        } else {
            evidence.notes.append("no customer PASSporT")
        }
        if call.customer.isDirectCustomer {
            return (.partial, .directCustomerUnverifiedNumber, evidence)
        }
        return (.gateway, .gateway, evidence)
    }

    private static func record(_ chain: ValidatedSTIChain, in evidence: inout AttestationEvidence) {
        let leaf = chain.leaf
        evidence.certificateSubject = String(describing: leaf.subject)
        evidence.certificateSerialNumber = leaf.serialNumber.hexadecimal
        evidence.certificateScope = chain.leafScope
        evidence.isDelegateCertificate = chain.isDelegate
        var serializer = DER.Serializer()
        if (try? serializer.serialize(leaf)) != nil {
            evidence.certificateFingerprintSHA256 = SHA256.hash(data: serializer.serializedBytes)
                .map { String($0, radix: 16).leftPadded(to: 2) }.joined()
        }
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
