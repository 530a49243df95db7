package io.github.seq2seq4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.seq2seq4j.InputException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;

class BatchPositionTest {

    @Test
    void textFormRoundTrips() {
        BatchPosition p = new BatchPosition(3, 1234, 0xfedcba9876543210L);
        assertEquals("epoch=3 batch=1234 rng=0xfedcba9876543210", p.toString());
        assertEquals(p, BatchPosition.parse(p.toString()));
        assertEquals(p, BatchPosition.parse("  " + p + "\n"));
        BatchPosition zero = new BatchPosition(0, 0, 0);
        assertEquals("epoch=0 batch=0 rng=0x0000000000000000", zero.toString());
    }

    @Test
    void javaSerializationRoundTrips() throws Exception {
        BatchPosition p = new BatchPosition(1, 2, -3);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(p);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertEquals(p, in.readObject());
        }
    }

    @Test
    void malformedTextIsAnInputError() {
        InputException e = assertThrows(InputException.class, () -> BatchPosition.parse("epoch=1 batch=2"));
        assertEquals("not a batch position: \"epoch=1 batch=2\" (expected epoch=N batch=N rng=0x<16 hex digits>)",
                e.getMessage());
        assertThrows(InputException.class, () -> BatchPosition.parse("epoch=99999999999 batch=0 rng=0x0000000000000000"));
        assertThrows(InputException.class, () -> BatchPosition.parse("epoch=-1 batch=0 rng=0x0000000000000000"));
        assertThrows(IllegalArgumentException.class, () -> new BatchPosition(0, -1, 0));
    }
}
