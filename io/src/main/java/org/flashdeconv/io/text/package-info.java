/**
 * Reading and writing text: {@link org.flashdeconv.io.text.TextInput} opens a file plain or gzip-compressed (by
 * its magic bytes); {@link org.flashdeconv.io.text.CsvReader} and {@link org.flashdeconv.io.text.CsvWriter} are
 * the one RFC 4180 reader and writer of every CSV; {@link org.flashdeconv.io.text.DecimalText} is the one number
 * grammar of every text input; {@link org.flashdeconv.io.text.LineReader} parses the blank-separated lines of
 * Matrix Market files in place; {@link org.flashdeconv.io.text.TextNames} says which names are refused and shows
 * them visibly in messages.
 */
package org.flashdeconv.io.text;
