package org.herald.push.token;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.herald.push.PushException;
import org.junit.jupiter.api.Test;

class TokenCipherTest {
    private final String oldKey = TokenCipher.newKey();
    private final String newKey = TokenCipher.newKey();

    @Test
    void sealsAndOpens() {
        TokenCipher c = TokenCipher.fromBase64(List.of(newKey));
        byte[] plain = "device".getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(plain, c.open("p", c.seal("p", plain)).orElseThrow());
    }

    @Test
    void aTamperedTokenOrAnotherPurposeDoesNotOpen() {
        TokenCipher c = TokenCipher.fromBase64(List.of(newKey));
        String t = c.seal("p", new byte[16]);
        for (int i = 0; i < t.length(); i++) {
            char[] chars = t.toCharArray();
            chars[i] = chars[i] == 'A' ? 'B' : 'A';
            String tampered = new String(chars);
            if (!tampered.equals(t)) assertTrue(c.open("p", tampered).isEmpty(), "tampered at " + i);
        }
        assertTrue(c.open("other", t).isEmpty());
        assertTrue(c.open("p", "").isEmpty());
        assertTrue(c.open("p", "!!!").isEmpty());
        assertTrue(c.open("p", "x".repeat(10_000)).isEmpty());
    }

    @Test
    void rotationKeepsOldTokensValidUntilTheirKeyIsDropped() {
        TokenCipher before = TokenCipher.fromBase64(List.of(oldKey));
        String old = before.seal("p", new byte[] {1});
        TokenCipher rotated = TokenCipher.fromBase64(List.of(newKey, oldKey));
        assertArrayEquals(new byte[] {1}, rotated.open("p", old).orElseThrow());
        String fresh = rotated.seal("p", new byte[] {2});
        assertTrue(before.open("p", fresh).isEmpty(), "new tokens use the newest key");
        TokenCipher retired = TokenCipher.fromBase64(List.of(newKey));
        assertTrue(retired.open("p", old).isEmpty());
        assertArrayEquals(new byte[] {2}, retired.open("p", fresh).orElseThrow());
    }

    @Test
    void refusesBadKeys() {
        assertThrows(PushException.class, () -> TokenCipher.fromBase64(List.of()));
        assertThrows(PushException.class, () -> TokenCipher.fromBase64(List.of("c2hvcnQ=")));
        assertThrows(PushException.class, () -> TokenCipher.fromBase64(List.of("not base64 !")));
    }

    @Test
    void uaTokensAndEndpointTokensCarryTheirIdsAndAreNotInterchangeable() {
        Tokens tokens = new Tokens(TokenCipher.fromBase64(List.of(newKey)));
        String device = Tokens.newDeviceId();
        String ua = tokens.uaTokenFor(device);
        assertEquals(device, tokens.deviceOf(ua).orElseThrow());
        String ep = tokens.endpointToken(device, "6f1f1bd4-6a8b-4a53-8a3e-0d8c3f3a2b11");
        assertEquals(new Tokens.Endpoint(device, "6f1f1bd4-6a8b-4a53-8a3e-0d8c3f3a2b11"), tokens.endpointOf(ep).orElseThrow());
        assertTrue(tokens.deviceOf(ep).isEmpty());
        assertTrue(tokens.endpointOf(ua).isEmpty());
    }

    @Test
    void theAppTokenIsSha256OfWatokenAndKey() {
        // echo -n "wakeyABC" | sha256sum
        assertEquals("b19102546afc45952fc2ae7334b9fd6478293ed2e8c321b1c2f82d3fb879c857", Tokens.appToken("wa", "keyABC"));
        assertEquals(Tokens.appToken("wa", "keyABC"), Tokens.appToken("wak", "eyABC"), "the concatenation is what is hashed");
    }
}
