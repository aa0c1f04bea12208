import Foundation

/// A certificate the CA signed, as the ledger records it (RFC 8555 §7.4.2 download, §7.6 revocation).
public struct IssuedCertificate: Hashable, Sendable {
    /// A recorded revocation (RFC 5280 §5.3.1 reason code).
    public struct Revocation: Hashable, Sendable {
        /// The CRLReason code.
        public let reason: Int
        /// When it was revoked.
        public let date: Date

        /// Creates a revocation record.
        public init(reason: Int, date: Date) {
            self.reason = reason
            self.date = date
        }
    }

    /// The serial.
    public let serial: CertificateSerial
    /// The account that ordered it.
    public let accountID: ACMEAccount.ID
    /// The order it finalized.
    public let orderID: ACMEOrder.ID
    /// The DER of the certificate.
    public let der: [UInt8]
    /// The PEM chain served at the certificate URL: the certificate, then its issuers up to but not
    /// including the trust anchor (`application/pem-certificate-chain`, RFC 8555 §9.1).
    public let chainPEM: String
    /// When it was signed.
    public let issuedAt: Date
    /// Its notAfter.
    public let notAfter: Date
    /// The revocation, if revoked.
    public var revocation: Revocation?

    /// Creates a record.
    public init(
        serial: CertificateSerial, accountID: ACMEAccount.ID, orderID: ACMEOrder.ID, der: [UInt8], chainPEM: String,
        issuedAt: Date, notAfter: Date, revocation: Revocation? = nil
    ) {
        self.serial = serial
        self.accountID = accountID
        self.orderID = orderID
        self.der = der
        self.chainPEM = chainPEM
        self.issuedAt = issuedAt
        self.notAfter = notAfter
        self.revocation = revocation
    }
}

/// A serial reserved before signing (ATIS-1000080 / Boulder issuance order: reserve, lint, sign, record).
public struct SerialReservation: Hashable, Sendable {
    /// The serial.
    public let serial: CertificateSerial
    /// The order being finalized.
    public let orderID: ACMEOrder.ID
    /// The ordering account.
    public let accountID: ACMEAccount.ID
    /// When it was reserved.
    public let reservedAt: Date

    /// Creates a reservation.
    public init(serial: CertificateSerial, orderID: ACMEOrder.ID, accountID: ACMEAccount.ID, reservedAt: Date) {
        self.serial = serial
        self.orderID = orderID
        self.accountID = accountID
        self.reservedAt = reservedAt
    }
}
