"use client";
export * from "./core";
export * from "./react/index";
