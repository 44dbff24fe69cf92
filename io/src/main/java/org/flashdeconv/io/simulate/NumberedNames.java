package org.flashdeconv.io.simulate;

import java.util.AbstractList;

/** An immutable list of names {@code prefix00001, prefix00002, ...} computed on access (no per-name storage). */
final class NumberedNames extends AbstractList<String> {
    private final String prefix;
    private final int size;
    private final int width;

    NumberedNames(String prefix, int size) {
        this.prefix = prefix;
        this.size = size;
        this.width = Math.max(5, Integer.toString(size).length());
    }

    @Override
    public String get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("name " + index + " of " + size);
        }
        String digits = Integer.toString(index + 1);
        StringBuilder sb = new StringBuilder(prefix.length() + width).append(prefix);
        sb.repeat('0', width - digits.length());
        return sb.append(digits).toString();
    }

    @Override
    public int size() {
        return size;
    }
}
