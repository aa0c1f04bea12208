import AuthorityToken
import Foundation

/// Signs an SPC token (RFC 9447 §4, RFC 9448 §5) with the token authority's signer.
struct TokenMinting: Sendable {
    let signer: AuthorityTokenSigner
    let issuer: String
    let lifetime: TimeInterval
    let crlURL: String
    let makeTokenID: @Sendable () -> String

    func mint(_ atc: AuthorityTokenClaims.ATC, at time: Date) throws(PolicyAdministrationError) -> SPCTokenGrant {
        let expires = Int64((time + lifetime).timeIntervalSince1970.rounded(.down))
        let tokenID = makeTokenID()
        do {
            let claims = try AuthorityTokenClaims(issuer: issuer, expiresAt: expires, tokenID: tokenID, atc: atc)
            let token = try signer.sign(claims)
            return SPCTokenGrant(token: token, tokenID: tokenID, expiresAt: Date(timeIntervalSince1970: TimeInterval(expires)), crlURL: crlURL)
        } catch {
            throw PolicyAdministrationError(.signingFailed, "SPC token: \(error.reason)")
        }
    }
}
