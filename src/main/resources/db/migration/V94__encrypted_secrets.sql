-- Card numbers and delivery secrets are stored encrypted (shared/SecretCipher: "enc1:" + base64 of IV, ciphertext and
-- tag), longer than the values themselves. Rows stored before are encrypted at startup by their module (the key is
-- configuration, not SQL): pay/CardEncryptionAtStart, delivery/internal/SecretEncryptionAtStart.
ALTER TABLE pay_bank_card ALTER COLUMN card_no TYPE VARCHAR(200);
ALTER TABLE dlv_settings ALTER COLUMN smtp_password TYPE VARCHAR(1000);
ALTER TABLE dlv_robot ALTER COLUMN webhook TYPE VARCHAR(2000);
ALTER TABLE dlv_robot ALTER COLUMN secret TYPE VARCHAR(1000);
