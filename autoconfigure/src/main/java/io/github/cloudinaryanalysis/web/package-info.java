/**
 * Problem details for Analysis API errors in Spring MVC applications.
 */
@NullMarked
package io.github.cloudinaryanalysis.web;

import org.jspecify.annotations.NullMarked;
