/**
 * Reading text inputs, shared by the MEX, coordinate and reference readers: {@link org.flashdeconv.io.text.TextInput}
 * opens a file plain or gzip-compressed (by its magic bytes), {@link org.flashdeconv.io.text.LineReader} parses its
 * lines in place without a String per number.
 */
package org.flashdeconv.io.text;
