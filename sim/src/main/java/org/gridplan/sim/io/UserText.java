package org.gridplan.sim.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads a text file as people save it, whatever their spreadsheet's encoding: UTF-8 with or
 * without a byte-order mark (Excel's "CSV UTF-8" writes one), or GB18030, the superset of GBK
 * (code page 936) that Excel's plain "CSV" writes on Chinese Windows.
 *
 * <p>The encoding is detected, not guessed from the system: bytes that are valid UTF-8 (checked
 * strictly, after the mark is dropped) are UTF-8, since text in GBK is almost never valid UTF-8;
 * any other bytes are decoded as GB18030. Bytes that are neither, or that decode to text no
 * spreadsheet writes (control characters such as the NULs of UTF-16, private-use characters), are
 * refused with one message naming the file and the line, and saying to save the file as
 * "CSV UTF-8". Line ends are left as they are (CRLF included) for the parser.
 */
public final class UserText {

    /** GB18030, the national standard that contains GBK; always present in a JDK. */
    public static final Charset GB18030 = Charset.forName("GB18030");

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private UserText() {
    }

    /**
     * The text of {@code file}, decoded as described above; a leading byte-order mark is dropped.
     *
     * @throws InputException when the file is missing or unreadable, or is neither UTF-8 nor GB18030 text
     */
    public static String read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InputException(file, "file not found (" + file + ")");
        } catch (IOException e) {
            throw new InputException(file, "cannot read: " + e.getMessage(), e);
        }
        return decode(file, bytes);
    }

    /** {@code bytes} of {@code file} decoded as {@link #read} does. */
    public static String decode(Path file, byte[] bytes) {
        boolean bom = bytes.length >= 3 && bytes[0] == UTF8_BOM[0] && bytes[1] == UTF8_BOM[1]
                && bytes[2] == UTF8_BOM[2];
        int start = bom ? UTF8_BOM.length : 0;
        Decoded utf8 = decode(bytes, start, StandardCharsets.UTF_8);
        if (utf8.text() != null) {
            return plausible(file, bytes, utf8.text());
        }
        if (bom) {
            // It says it is UTF-8 and is not: another encoding's reading would be wrong too.
            throw unreadable(file, bytes, utf8.badByte(), "it starts as UTF-8 but is not valid UTF-8");
        }
        Decoded gb = decode(bytes, 0, GB18030);
        if (gb.text() == null) {
            throw unreadable(file, bytes, gb.badByte(), "it is neither UTF-8 nor Chinese GBK/GB18030 text");
        }
        return plausible(file, bytes, gb.text());
    }

    /** Decoded text, or null and the offset of the first byte that is not of the charset. */
    private record Decoded(String text, int badByte) {
    }

    private static Decoded decode(byte[] bytes, int start, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 16L,
                (long) (bytes.length - start) * 2 + 16));
        CoderResult r = decoder.decode(in, out, true);
        if (!r.isError()) {
            r = decoder.flush(out);
        }
        if (r.isError()) {
            return new Decoded(null, in.position());
        }
        out.flip();
        return new Decoded(out.toString(), -1);
    }

    /**
     * {@code text} if it could be a spreadsheet's text: no control characters but tab and line
     * ends, no private-use characters, no replacement characters.
     */
    private static String plausible(Path file, byte[] bytes, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7F;
            boolean privateUse = c >= 0xE000 && c <= 0xF8FF;
            if (control || privateUse || c == '\uFFFD') {
                throw new InputException(file, "line " + lineAt(text, i) + ": the text holds "
                        + (control ? String.format(Locale.ROOT, "the control character U+%04X", (int) c)
                                : String.format(Locale.ROOT, "the character U+%04X, which no spreadsheet writes",
                                        (int) c))
                        + ", so it is not in an encoding gridplan reads (UTF-8, or GBK/GB18030 as Excel saves "
                        + "'CSV' on Chinese Windows)" + ADVICE);
            }
        }
        return text;
    }

    private static final String ADVICE = "; save it as \"CSV UTF-8\" (Excel: File > Save As > CSV UTF-8 "
            + "(Comma delimited)) and try again";

    private static InputException unreadable(Path file, byte[] bytes, int offset, String what) {
        int line = 1;
        for (int i = 0; i < offset && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        String at = offset >= 0 && offset < bytes.length
                ? String.format(Locale.ROOT, " (byte 0x%02X on line %d)", bytes[offset] & 0xFF, line) : "";
        return new InputException(file, "cannot read the text: " + what + at + ADVICE);
    }

    private static int lineAt(String text, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
