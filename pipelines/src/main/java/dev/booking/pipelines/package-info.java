/**
 * The query side: Jet pipelines that read the stream of decisions and maintain the views the REST API
 * serves. May depend on the engine and Hazelcast, never on the web layer.
 */
package dev.booking.pipelines;
