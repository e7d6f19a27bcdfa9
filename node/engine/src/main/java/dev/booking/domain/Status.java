package dev.booking.domain;

/** Where a reservation stands. Only a confirmed reservation can become cancelled. */
public enum Status {
    CONFIRMED, REJECTED, CANCELLED
}
