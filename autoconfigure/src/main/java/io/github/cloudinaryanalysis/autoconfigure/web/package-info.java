/**
 * Auto-configuration of problem details for Analysis API errors in Spring MVC
 * applications.
 */
@NullMarked
package io.github.cloudinaryanalysis.autoconfigure.web;

import org.jspecify.annotations.NullMarked;
