package org.ztfclass.votables.alert;

import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;

/**
 * Walks the block structure of an Avro object-container file (header, then blocks of
 * {@code count, size, data, sync}) without decoding records, to find a file cut short. Avro's
 * own readers treat a block cut off by end-of-file as a clean end, which would silently drop
 * the packets of the last block.
 */
final class ContainerIntegrity {

    /**
     * @param completeRecords records in the blocks that are intact
     * @param problem         null if the file is whole, else what is wrong
     */
    record Report(long completeRecords, String problem) {
    }

    private ContainerIntegrity() {
    }

    static Report check(byte[] bytes) {
        BinaryDecoder in = DecoderFactory.get().binaryDecoder(bytes, null);
        long records = 0;
        try {
            in.skipFixed(4);
            for (long n = in.readMapStart(); n != 0; n = in.mapNext()) {
                for (long i = 0; i < n; i++) {
                    in.skipString();
                    in.skipBytes();
                }
            }
            byte[] sync = new byte[16];
            in.readFixed(sync);
            byte[] marker = new byte[16];
            int block = 0;
            while (!in.isEnd()) {
                block++;
                long count = in.readLong();
                long size = in.readLong();
                if (count < 0 || size < 0 || size > bytes.length) {
                    return new Report(records, "block " + block + " has an impossible header (count " + count + ", size " + size + ")");
                }
                in.skipFixed((int) size);
                in.readFixed(marker);
                if (!Arrays.equals(sync, marker)) {
                    return new Report(records, "block " + block + " does not end with the file's sync marker");
                }
                records += count;
            }
            return new Report(records, null);
        } catch (EOFException e) {
            return new Report(records, "file ends in the middle of a block (truncated)");
        } catch (IOException | RuntimeException e) {
            return new Report(records, "corrupt container structure: " + e.getMessage());
        }
    }
}
