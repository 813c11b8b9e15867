/**
 * The projects the Markdown guides spell out, read from their fenced code blocks so that the build can write
 * and build them outside the reactor: what a reader copies from the docs is what the build proves works.
 */
package dev.keel.docs;
