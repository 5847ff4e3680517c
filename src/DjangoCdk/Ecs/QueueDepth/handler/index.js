'use strict'; // placeholder until the publisher branch merges
