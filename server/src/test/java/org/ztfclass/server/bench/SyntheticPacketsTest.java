package org.ztfclass.server.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashSet;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.ztfclass.server.Samples;
import org.ztfclass.server.stream.MessageDecoder;

/** The benchmark's messages: each a new alert of its own objectId and candid, the same bytes every time, read as the stream reads them. */
class SyntheticPacketsTest {

    @Test
    void messagesAreDistinctDeterministicAndDecodable() throws Exception {
        SyntheticPackets packets = SyntheticPackets.load(Samples.path("alerts"));
        int n = packets.realPackets() + 5;
        // several shipped packets are alerts of one object: their copies share an objectId, as a real stream's do
        Set<Long> candids = new HashSet<>();
        Set<String> ids = new HashSet<>();
        MessageDecoder decoder = new MessageDecoder();
        for (int i = 0; i < n; i++) {
            SyntheticPackets.Message m = packets.message(i);
            candids.add(m.candid());
            ids.add(m.objectId());
            MessageDecoder.Decoded d = decoder.decode(new ConsumerRecord<>("t", 0, i, m.objectId().getBytes(), m.value()));
            assertNull(d.deadLetter(), () -> m.objectId() + ": " + d.deadLetter());
            assertEquals(1, d.alerts().size());
            assertEquals(m.objectId(), d.alerts().get(0).alert().objectId());
            assertEquals(m.candid(), d.alerts().get(0).alert().candid());
            assertEquals(3, d.alerts().get(0).alert().cutouts().size(), "the real cutouts");
        }
        assertEquals(n, candids.size());
        assertEquals(true, ids.stream().allMatch(id -> id.matches("ZTF\\w+_synthetic[01]")), "copy k of a packet is objectId_synthetic<k>");
        assertArrayEquals(packets.message(7).value(), packets.message(7).value());
        assertEquals(packets.objectId(0).replace("_synthetic0", "_synthetic1"), packets.message(packets.realPackets()).objectId());
    }
}
