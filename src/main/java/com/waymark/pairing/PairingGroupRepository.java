package com.waymark.pairing;

import org.springframework.data.jpa.repository.JpaRepository;

interface PairingGroupRepository extends JpaRepository<PairingGroup, Long> {
}
