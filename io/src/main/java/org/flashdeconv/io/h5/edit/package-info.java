/**
 * Adding to an HDF5 file in the layout h5py writes by default (superblock version 0, version 1 object headers,
 * symbol-table groups), without rewriting what is there: new datasets and groups are appended after the end of the
 * file, the groups that gain links get a new B-tree, symbol nodes and local heap (their object header's symbol
 * table message and their parent's cached copy are updated in place), and the superblock's end of file is set
 * last. jHDF 0.13 can only write whole new files from heap arrays, so it cannot keep an input's every object;
 * {@link org.flashdeconv.io.h5.edit.H5Editor} does. Layout references are to the HDF5 File Format Specification
 * version 3.0 (sections II.A superblock, III.A.1 B-tree v1, III.C symbol table nodes, III.D local heaps, IV.A.1.a
 * version 1 object headers, IV.A.2 messages).
 */
package org.flashdeconv.io.h5.edit;
